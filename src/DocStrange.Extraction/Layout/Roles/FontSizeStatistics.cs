namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Counts characters per font size (rounded to half a point) over the pages read so far, so the body
/// text size, which headings are judged against, is that of the whole document, not of one page.
/// </summary>
public sealed class FontSizeStatistics
{
    private readonly Dictionary<double, int> _charsBySize = [];
    private long _chars;
    private long _boldChars;
    private long _italicChars;
    private int _highestTier = int.MaxValue;

    /// <summary>Adds a line's characters under its font size.</summary>
    public void Add(LayoutLine line)
    {
        var size = Round(line.FontSize);
        if (size <= 0) return;
        _charsBySize[size] = _charsBySize.GetValueOrDefault(size) + line.Text.Length;
        _chars += line.Text.Length;
        if (line.Bold) _boldChars += line.Text.Length;
        if (line.Italic) _italicChars += line.Text.Length;
    }

    /// <summary>The share of characters set in bold; when most text is bold, bold says nothing about headings.</summary>
    public double BoldShare => _chars == 0 ? 0 : (double)_boldChars / _chars;

    /// <summary>The share of characters set in italics.</summary>
    public double ItalicShare => _chars == 0 ? 0 : (double)_italicChars / _chars;

    /// <summary>The size most characters are set in; 0 when nothing was counted.</summary>
    public double BodySize => _charsBySize.Count == 0
        ? 0
        : _charsBySize.MaxBy(kv => (kv.Value, -kv.Key)).Key;

    /// <summary>Whether a size is clearly larger than the body text (by 15% and at least one point).</summary>
    public bool IsHeadingSize(double size)
    {
        var body = BodySize;
        return body > 0 && size >= body * 1.15 && size >= body + 1;
    }

    /// <summary>
    /// The heading level of a size by how much it stands out from the body text: tier 1 from 1.6
    /// times the body size, tier 2 from 1.3 times, tier 3 above that, tier 4 for bold lines of body
    /// size. Levels count from the highest tier the document has used so far, so a document whose
    /// headings are all bold body text still starts at level 1, and a level means the same on every
    /// page once the largest headings have been seen.
    /// </summary>
    public int HeadingLevel(double size)
    {
        var body = BodySize;
        var ratio = body > 0 ? size / body : 2;
        var tier = ratio >= 1.6 ? 1 : ratio >= 1.3 ? 2 : ratio >= 1.15 ? 3 : 4;
        _highestTier = Math.Min(_highestTier, tier);
        return tier - _highestTier + 1;
    }

    private static double Round(double size) => Math.Round(size * 2, MidpointRounding.AwayFromZero) / 2;
}
