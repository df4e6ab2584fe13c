using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Lines;
using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Joins a superscript or subscript to the word it touches ("x²", "H₂O", a note mark "word¹"): the word
/// extractor parts letters at a change of baseline, so the smaller glyphs came out as words of their
/// own and read "x 2", "H 2 O". Two words drawn one after the other are one when their glyphs touch
/// and one is markedly smaller, as text extractors that follow the glyphs' spacing read them.
/// </summary>
internal static class PdfScriptJoins
{
    // At most this share of the larger size: small capitals and scripts are smaller by a fifth and more,
    // where a change of face within a line keeps the size.
    private const double SmallerBy = 0.85;

    // At least this share: a bullet beside a brace drawn several lines tall is no script of it (the line builder's bound).
    private static readonly double SmallerAtMost = LineBuilderOptions.Default.MinLineSizeRatio;

    // Touching: one advance ends less than this share of the larger size from where the next starts.
    private const double TouchGap = 0.08;

    public static List<Word> Join(List<Word> words)
    {
        // The extractor emits words line by line, so a raised or lowered script is not next to its base
        // in the list: each word's successor is looked for among the words starting where it ends.
        var byLeft = Enumerable.Range(0, words.Count).OrderBy(i => words[i].Letters[0].StartBaseLine.X).ToArray();
        var lefts = byLeft.Select(i => words[i].Letters[0].StartBaseLine.X).ToArray();
        var next = new int[words.Count];
        var hasBefore = new bool[words.Count];
        Array.Fill(next, -1);
        for (var i = 0; i < words.Count; i++)
        {
            var last = words[i].Letters[^1];
            var reach = TouchGap * Math.Max(1, last.PointSize / SmallerBy);
            var end = AdvanceEnd(last);
            var from = LowerBound(lefts, end - reach);
            var best = -1;
            for (var k = from; k < lefts.Length && lefts[k] <= end + reach; k++)
            {
                var j = byLeft[k];
                if (j == i || hasBefore[j] || !Touch(words[i], words[j])) continue;
                if (best < 0 || Math.Abs(Gap(words[i], words[j])) < Math.Abs(Gap(words[i], words[best]))) best = j;
            }
            if (best < 0) continue;
            next[i] = best;
            hasBefore[best] = true;
        }
        var result = new List<Word>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (hasBefore[i]) continue;
            if (next[i] < 0)
            {
                result.Add(words[i]);
                continue;
            }
            var letters = new List<Letter>();
            var seen = new HashSet<int>();
            for (var j = i; j >= 0 && seen.Add(j); j = next[j]) letters.AddRange(words[j].Letters);
            result.Add(new Word(letters));
        }
        return result;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // Between the advances, not the glyph boxes: side bearings keep a subscript's glyph apart from its base's.
    private static double Gap(Word before, Word after) => after.Letters[0].StartBaseLine.X - AdvanceEnd(before.Letters[^1]);

    private static double AdvanceEnd(Letter letter) => Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);

    private static bool Touch(Word before, Word after)
    {
        var last = before.Letters[^1];
        var first = after.Letters[0];
        if (last.TextOrientation != TextOrientation.Horizontal || first.TextOrientation != TextOrientation.Horizontal) return false;
        if (Bidi.HasRightToLeft(before.Text) || Bidi.HasRightToLeft(after.Text)) return false;
        var larger = Math.Max(last.PointSize, first.PointSize);
        var smaller = Math.Min(last.PointSize, first.PointSize);
        if (larger <= 0 || smaller > SmallerBy * larger || smaller < SmallerAtMost * larger) return false;
        var gap = Gap(before, after);
        if (gap > TouchGap * larger || gap < -TouchGap * larger) return false;
        // One line: the glyph boxes share some height.
        var (a, b) = (last.BoundingBox, first.BoundingBox);
        return Math.Min(a.Top, b.Top) > Math.Max(a.Bottom, b.Bottom);
    }
}
