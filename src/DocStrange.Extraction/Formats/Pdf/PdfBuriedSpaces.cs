using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Space glyphs drawn under letters are no word breaks: some producers lay a run of spaces at a fixed
/// pitch beneath the text of a table cell, so each digit of "03/25/2016" has a space inside its own box
/// and the word splits into "0 3 / 2 5 / 2 0 16". A space drawn by another text operation than the letters
/// around it is dropped when its middle lies inside a letter's advance, or the letters on either side of it
/// touch (one's advance ends where the next begins): there is no gap for it to be. A space in a gap between
/// letters, or drawn in line between them (justified or CJK text whose advances overlap it), stays.
/// </summary>
internal static class PdfBuriedSpaces
{
    /// <summary>The letters without the buried spaces (the same list when there are none).</summary>
    public static IReadOnlyList<Letter> Remove(IReadOnlyList<Letter> letters)
    {
        var rows = new Dictionary<long, List<Letter>>();
        foreach (var l in letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value) || Math.Abs(l.EndBaseLine.X - l.StartBaseLine.X) <= 0) continue;
            var key = (long)Math.Round(l.StartBaseLine.Y);
            if (!rows.TryGetValue(key, out var row)) rows[key] = row = [];
            row.Add(l);
        }
        foreach (var row in rows.Values) row.Sort((a, b) => Start(a).CompareTo(Start(b)));
        List<Letter>? kept = null;
        for (var i = 0; i < letters.Count; i++)
        {
            var l = letters[i];
            var buried = l.Value == " " && End(l) > Start(l) && rows.TryGetValue((long)Math.Round(l.StartBaseLine.Y), out var row) && IsBuried(l, row);
            if (buried) kept ??= letters.Take(i).ToList();
            else kept?.Add(l);
        }
        return kept ?? letters;
    }

    private static double Start(Letter l) => Math.Min(l.StartBaseLine.X, l.EndBaseLine.X);

    private static double End(Letter l) => Math.Max(l.StartBaseLine.X, l.EndBaseLine.X);

    private static bool IsBuried(Letter space, List<Letter> row)
    {
        var middle = (Start(space) + End(space)) / 2;
        // The first letter that starts right of the middle; the one before it starts at or left of it.
        var lo = 0;
        var hi = row.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Start(row[mid]) <= middle) lo = mid + 1;
            else hi = mid;
        }
        if (lo == 0) return false;
        var left = row[lo - 1];
        var right = lo < row.Count ? row[lo] : null;
        // A space drawn in line between the two (justified or CJK text whose advances overlap) is theirs.
        if (left.TextSequence <= space.TextSequence && (right is null || space.TextSequence <= right.TextSequence)) return false;
        var size = Math.Max(1, left.PointSize);
        if (End(left) > middle) return true;
        return right is not null && End(left) >= middle - TouchGap * size && Start(right) - End(left) <= TouchGap * size;
    }

    // Letters this far apart (in ems) or closer touch: kerning moves letters by hundredths of an em.
    private const double TouchGap = 0.05;
}
