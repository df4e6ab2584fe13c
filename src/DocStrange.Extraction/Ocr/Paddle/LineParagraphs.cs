namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Groups detected lines into paragraphs, as Tesseract's layout does for its own lines, so the page
/// pipeline sizes and joins them the same way: a line continues the paragraph whose last line is
/// just above it (a gap under <see cref="MaxGap"/> of its height), overlaps it across, and is of
/// about its height. The paragraphs come in the order of their first lines, each line in order.
/// </summary>
internal static class LineParagraphs
{
    private const double MaxGap = 0.6;
    private const double MaxHeightRatio = 1.35;

    /// <summary>The lines (top to bottom) with block and paragraph ids, grouped by paragraph.</summary>
    public static List<OcrLine> Group(IReadOnlyList<OcrLine> lines)
    {
        var paragraphs = new List<List<OcrLine>>();
        foreach (var line in lines)
        {
            var joined = paragraphs.FindLast(p => Continues(p[^1], line));
            if (joined is null) paragraphs.Add([line]);
            else joined.Add(line);
        }
        return [.. paragraphs.SelectMany((p, i) => p.Select(l => l with { Block = i, Paragraph = i }))];
    }

    private static bool Continues(OcrLine above, OcrLine line)
    {
        double aboveHeight = above.Box.Height, height = line.Box.Height;
        var gap = line.Box.Top - above.Box.Bottom;
        var across = Math.Min(above.Box.Right, line.Box.Right) - Math.Max(above.Box.Left, line.Box.Left);
        var ratio = Math.Max(aboveHeight, height) / Math.Max(1, Math.Min(aboveHeight, height));
        return gap < MaxGap * height && gap > -0.5 * height && across > 0 && ratio <= MaxHeightRatio;
    }
}
