namespace DocStrange.Extraction.Layout.Blocks;

/// <summary>
/// The leading a page's running text is set at, per font size: the step between the baselines of a line and the
/// next line under it in the same column, most common among full lines of text (a line of 30 characters or
/// more). It says which wide gaps are the page's ordinary spacing between lines rather than between paragraphs.
/// </summary>
internal sealed class PageLeading
{
    /// <summary>The fewest line pairs that establish a leading.</summary>
    public const int MinPairs = 3;

    /// <summary>The fewest characters of a line of running text.</summary>
    public const int MinChars = 30;

    // Steps within this share of the leading are that leading; a step past MaxStep sizes is layout, not leading.
    private const double Tolerance = 0.08;
    private const double MaxStep = 2.6;

    private readonly Dictionary<int, double> _steps;

    private PageLeading(Dictionary<int, double> steps) => _steps = steps;

    /// <summary>The leadings of <paramref name="lines"/>, given top to bottom.</summary>
    public static PageLeading Of(IReadOnlyList<LayoutLine> lines)
    {
        var steps = new Dictionary<int, List<double>>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Text.Length < MinChars) continue;
            // Lines come top to bottom: the search stops where a step could no longer be leading.
            var next = lines.Skip(i + 1).TakeWhile(n => n.Box.Top <= line.Baseline + MaxStep * line.FontSize)
                .FirstOrDefault(n => n.Box.Top >= line.Box.Bottom - 1 && n.Box.Left < line.Box.Right && n.Box.Right > line.Box.Left);
            if (next is null || SizeKey(next.FontSize) != SizeKey(line.FontSize)) continue;
            var step = next.Baseline - line.Baseline;
            if (step <= 0 || step > MaxStep * line.FontSize) continue;
            (steps.TryGetValue(SizeKey(line.FontSize), out var list) ? list : steps[SizeKey(line.FontSize)] = []).Add(step);
        }
        var result = new Dictionary<int, double>();
        foreach (var (size, list) in steps)
        {
            // The step most others are within the tolerance of, when it holds for enough pairs and most of them.
            var best = list.Select(s => (Step: s, Count: list.Count(o => Math.Abs(o - s) <= Tolerance * s))).MaxBy(p => p.Count);
            if (best.Count >= MinPairs && best.Count * 2 > list.Count) result[size] = best.Step;
        }
        return new PageLeading(result);
    }

    /// <summary>Whether <paramref name="line"/> sits under the full line of text <paramref name="above"/> at the page's leading for their size.</summary>
    public bool Keeps(LayoutLine above, LayoutLine line) =>
        above.Text.Length >= MinChars && SizeKey(above.FontSize) == SizeKey(line.FontSize) && _steps.TryGetValue(SizeKey(line.FontSize), out var step)
        && Math.Abs(line.Baseline - above.Baseline - step) <= Tolerance * step;

    private static int SizeKey(double size) => (int)Math.Round(size * 2);
}
