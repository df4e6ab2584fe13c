namespace DocStrange.Extraction.Layout;

/// <summary>The size of a page's body text: the font size most of its characters are set in.</summary>
public static class BodyText
{
    /// <summary>The font size (to half a point) most characters are set in; the smaller of equals; 0 when there are none.</summary>
    public static double Size(IEnumerable<LayoutWord> words) =>
        words.GroupBy(w => Math.Round(w.FontSize * 2) / 2).MaxBy(g => (g.Sum(w => w.Text.Length), -g.Key))?.Key ?? 0;
}
