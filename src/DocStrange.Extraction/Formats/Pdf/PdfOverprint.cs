using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Drops overprinted duplicates: some producers fake bold by drawing each glyph two or more times a
/// fraction of a point apart, which reads as "EENNFFOORRCCEEDD". A letter is a duplicate when one
/// with the same text already sits within a third of its width (the test PDFBox's text stripper uses),
/// found here through buckets by baseline so a page costs linear time.
/// </summary>
internal static class PdfOverprint
{
    public static IReadOnlyList<Letter> Remove(IReadOnlyList<Letter> letters)
    {
        var seen = new Dictionary<(string Value, long Row), List<Letter>>();
        List<Letter>? kept = null;
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            if (!string.IsNullOrWhiteSpace(letter.Value) && IsDuplicate(letter, seen))
            {
                kept ??= letters.Take(i).ToList();
                continue;
            }
            kept?.Add(letter);
        }
        return kept ?? letters;
    }

    private static bool IsDuplicate(Letter letter, Dictionary<(string, long), List<Letter>> seen)
    {
        var x = letter.StartBaseLine.X;
        var y = letter.StartBaseLine.Y;
        // Glyph boxes can be the whole font's box; the advance width is then the better measure.
        var width = letter.Width > 0 ? Math.Min(letter.Width, letter.BoundingBox.Width) : letter.BoundingBox.Width;
        var tolerance = Math.Max(0.01, width / Math.Max(1, letter.Value.Length) / 3);
        var row = (long)Math.Floor(y);
        for (var r = row - 1; r <= row + 1; r++)
        {
            if (!seen.TryGetValue((letter.Value, r), out var candidates)) continue;
            foreach (var other in candidates)
            {
                if (Math.Abs(other.StartBaseLine.X - x) <= tolerance && Math.Abs(other.StartBaseLine.Y - y) <= tolerance) return true;
            }
        }
        if (!seen.TryGetValue((letter.Value, row), out var list)) seen[(letter.Value, row)] = list = [];
        list.Add(letter);
        return false;
    }
}
