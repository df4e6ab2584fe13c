using DocStrange.Extraction.Layout.Tables;

namespace DocStrange.Extraction.Layout.Regions;

/// <summary>
/// Splits a page's words at gutters that run its whole height: vertical strips at least
/// <see cref="MinGutter"/> font sizes wide that no word crosses, as between the two pages of a
/// scanned spread or beside a sidebar. The parts can be analysed apart; columns that a full-width
/// title or figure spans are not split here.
/// </summary>
public static class PageGutters
{
    /// <summary>The narrowest gutter, in body font sizes.</summary>
    public const double MinGutter = 3;

    /// <summary>The words of each part, left to right; one part when the page has no such gutter.</summary>
    public static List<List<LayoutWord>> Split(IReadOnlyList<LayoutWord> words, double bodySize)
    {
        if (words.Count == 0) return [];
        var left = words.Min(w => w.Box.Left);
        var right = words.Max(w => w.Box.Right);
        var cuts = TextSeparators.Columns(words, left, right, MinGutter * Math.Max(4, bodySize));
        if (cuts.Count == 0) return [words.ToList()];
        var parts = Enumerable.Range(0, cuts.Count + 1).Select(_ => new List<LayoutWord>()).ToList();
        foreach (var word in words)
        {
            var i = 0;
            while (i < cuts.Count && word.CenterX > cuts[i]) i++;
            parts[i].Add(word);
        }
        return parts;
    }
}
