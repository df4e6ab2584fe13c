namespace DocStrange.Extraction.Layout.Lines;

/// <summary>
/// Makes a <see cref="LayoutLine"/> of words: their texts joined by single spaces in reading order,
/// none before or after a subscript that touches its word (right to left when most of the line's letters are right-to-left, as in Arabic and Hebrew), the
/// dominant font size by characters, and bold, italic or monospace when nine tenths of the letters are.
/// </summary>
public static class LineText
{
    /// <summary>The line the words make; they need not be sorted.</summary>
    public static LayoutLine ToLine(IReadOnlyList<LayoutWord> words)
    {
        var ordered = Order(words);
        var chars = Math.Max(1, ordered.Sum(w => w.Text.Length));
        double Share(Func<LayoutWord, bool> trait) => ordered.Where(trait).Sum(w => w.Text.Length) / (double)chars;
        var size = ordered.GroupBy(w => Math.Round(w.FontSize * 2) / 2)
            .MaxBy(g => (g.Sum(w => w.Text.Length), g.Key))!.Key;
        var main = ordered.Where(w => Math.Abs(w.FontSize - size) <= 0.5).DefaultIfEmpty(ordered[0]).First();
        return new LayoutLine(
            Joined(ordered),
            ordered.Select(w => w.Box).Aggregate((a, b) => a.Union(b)),
            size,
            Share(w => w.Bold) >= 0.9,
            Share(w => w.Italic) >= 0.9)
        {
            Words = ordered,
            Monospace = Share(w => w.Monospace) >= 0.9,
            Baseline = main.Baseline,
        };
    }

    // Words joined by spaces, except a subscript that touches the word before it ("H" + "2" set lower
    // and smaller is "H2", "d" + "1" is "d1"): set apart only by its size and baseline, it belongs to
    // that word. A raised figure is left apart: as often a footnote mark after a word as an exponent.
    private static string Joined(List<LayoutWord> words)
    {
        var sb = new System.Text.StringBuilder(words[0].Text);
        for (var i = 1; i < words.Count; i++)
        {
            if (!IsSubscriptOf(words[i - 1], words[i]) && !IsSubscriptOf(words[i], words[i - 1]) || !Touch(words[i - 1], words[i])) sb.Append(' ');
            sb.Append(words[i].Text);
        }
        return sb.ToString();
    }

    // Whether `low` is set smaller than `word` and below its baseline, in the same direction of writing.
    private static bool IsSubscriptOf(LayoutWord word, LayoutWord low) =>
        word.IsUpright && low.IsUpright && !Bidi.HasRightToLeft(word.Text) && !Bidi.HasRightToLeft(low.Text)
        && low.FontSize <= 0.85 * word.FontSize && low.Baseline - word.Baseline >= 0.1 * word.FontSize;

    private static bool Touch(LayoutWord before, LayoutWord after) =>
        after.Box.Left >= before.Box.Left && after.Box.Left - before.Box.Right <= 0.05 * Math.Max(before.FontSize, after.FontSize);

    private static List<LayoutWord> Order(IReadOnlyList<LayoutWord> words)
    {
        if (words.Count > 0 && !words[0].IsUpright) return words.ToList();
        var rtl = words.Sum(w => Bidi.HasRightToLeft(w.Text) ? w.Text.Length : -w.Text.Length) > 0;
        return rtl ? words.OrderByDescending(w => w.Box.Right).ToList() : words.OrderBy(w => w.Box.Left).ToList();
    }
}
