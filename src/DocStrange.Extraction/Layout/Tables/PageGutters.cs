namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Splits a page's lines at gutters that run its whole height: vertical strips at least
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

    /// <summary>The lines of each part, left to right; one part when the page has no such gutter.</summary>
    public static List<List<LayoutLine>> Split(IReadOnlyList<LayoutLine> lines)
    {
        if (lines.Count == 0) return [];
        var words = lines.SelectMany(l => l.Words).ToList();
        var left = lines.Min(l => l.Box.Left);
        var right = lines.Max(l => l.Box.Right);
        var cuts = TextSeparators.Columns(words, left, right, MinGutter * Math.Max(4, BodyText.Size(words)));
        var parts = Enumerable.Range(0, cuts.Count + 1).Select(_ => new List<LayoutLine>()).ToList();
        foreach (var line in lines)
        {
            var i = 0;
            while (i < cuts.Count && line.Box.CenterX() > cuts[i]) i++;
            parts[i].Add(line);
        }
        // A part without running text is part of its neighbour (a column of a table, not a page).
        for (var i = 0; i < parts.Count && parts.Count > 1;)
        {
            if (parts[i].Any(l => l.Words.Count >= MinWordsPerLine)) { i++; continue; }
            var into = i > 0 ? i - 1 : 1;
            parts[into].AddRange(parts[i]);
            parts.RemoveAt(i);
            i = 0;
        }
        return parts;
    }
}
