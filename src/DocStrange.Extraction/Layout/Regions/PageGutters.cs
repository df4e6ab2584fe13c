using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Tables;

namespace DocStrange.Extraction.Layout.Regions;

/// <summary>
/// Splits a page's words at gutters that run its whole height: vertical strips at least
/// <see cref="MinGutter"/> font sizes wide that no word crosses, with running text (a line of at
/// least <see cref="MinWordsPerLine"/> words) on both sides, as between the two pages of a scanned
/// spread or beside a sidebar. The wide gaps between the columns of a table alone do not split it;
/// columns that a full-width title or figure spans are not split here either.
/// </summary>
public static class PageGutters
{
    /// <summary>The narrowest gutter, in body font sizes.</summary>
    public const double MinGutter = 3;

    /// <summary>Each side of a gutter needs a line this long.</summary>
    public const int MinWordsPerLine = 6;

    /// <summary>The words of each part, left to right; one part when the page has no such gutter.</summary>
    public static List<List<LayoutWord>> Split(IReadOnlyList<LayoutWord> words, double bodySize)
    {
        if (words.Count == 0) return [];
        var left = words.Min(w => w.Box.Left);
        var right = words.Max(w => w.Box.Right);
        var cuts = TextSeparators.Columns(words, left, right, MinGutter * Math.Max(4, bodySize));
        var parts = Enumerable.Range(0, cuts.Count + 1).Select(_ => new List<LayoutWord>()).ToList();
        foreach (var word in words)
        {
            var i = 0;
            while (i < cuts.Count && word.CenterX > cuts[i]) i++;
            parts[i].Add(word);
        }
        // A part without running text is part of its neighbour (a column of a table, not a page).
        for (var i = 0; i < parts.Count && parts.Count > 1;)
        {
            if (LineBuilder.Instance.Build(parts[i]).Any(l => l.Words.Count >= MinWordsPerLine)) { i++; continue; }
            var into = i > 0 ? i - 1 : 1;
            parts[into].AddRange(parts[i]);
            parts.RemoveAt(i);
            i = 0;
        }
        return parts;
    }
}
