using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Lines;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Util;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Words from a page's letters. PdfPig's default extractor splits at space glyphs and at gaps, which
/// keeps the word breaks of tightly justified text (where a space glyph may overlap its neighbours,
/// so geometry alone would glue words together); on top of that a word is split where the writing
/// direction changes, so "R" and an Arabic letter drawn touching each other stay apart, and where
/// two letters stand a word space apart with no space glyph between them. Letters
/// that are not horizontal (a rotated label) go to the nearest-neighbour extractor, which follows
/// their baseline, without their space glyphs.
/// </summary>
internal static class PdfWords
{
    private static readonly NearestNeighbourWordExtractor RotatedWords = new(new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>The page's words, each in one writing direction, whitespace dropped.</summary>
    public static List<Word> Extract(IReadOnlyList<Letter> letters)
    {
        var horizontal = PdfBuriedSpaces.Remove(letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList());
        var words = new List<Word>();
        if (horizontal.Count < letters.Count)
        {
            var rotated = letters.Where(l => l.TextOrientation != TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value)).ToList();
            foreach (var word in RotatedWords.GetWords(rotated)) SplitAlongBaseline(word, words);
        }
        foreach (var word in DefaultWordExtractor.Instance.GetWords(horizontal))
        {
            if (string.IsNullOrWhiteSpace(word.Text)) continue;
            if (!Bidi.HasRightToLeft(word.Text))
            {
                SplitAtGaps(word, words);
                continue;
            }
            SplitAtDirectionChanges(word, words);
        }
        return PdfScriptJoins.Join(words);
    }

    /// <summary>The gap between two letters, as a share of the font size, that is a word space although no space glyph was drawn.</summary>
    public const double SpaceGap = 0.2;

    // Text set without space glyphs (each word placed on its own) still has word spaces: a gap of a
    // fifth of an em between one letter's advance and the next letter, with the glyphs themselves that
    // far apart too, is one, where letters of one word touch or nearly (kerning moves them by hundredths).
    // Letter-spaced text (tracking, as some reports set dates in table cells) has every letter that far
    // apart: the typical gap of the run is its tracking, and only a gap a word space wider breaks it.
    internal static void SplitAtGaps(Word word, List<Word> into)
    {
        var letters = word.Letters;
        var tracking = Tracking(letters);
        var start = 0;
        for (var i = 1; i < letters.Count; i++)
        {
            var before = letters[i - 1];
            var after = letters[i];
            var size = Math.Max(1, Math.Max(before.PointSize, after.PointSize));
            var advanceGap = after.StartBaseLine.X - Math.Max(before.StartBaseLine.X, before.EndBaseLine.X) - tracking;
            var glyphGap = after.BoundingBox.Left - before.BoundingBox.Right - tracking;
            var wordSpace = advanceGap >= SpaceGap * size && glyphGap >= SpaceGap * size && Math.Abs(after.StartBaseLine.Y - before.StartBaseLine.Y) <= 0.2 * size;
            if (!wordSpace && !IsTallSign(before, after) && !IsTallSign(after, before)) continue;
            into.Add(new Word(letters.Skip(start).Take(i - start).ToList()));
            start = i;
        }
        into.Add(start == 0 ? word : new Word(letters.Skip(start).ToList()));
    }

    // A brace or bracket drawn several lines tall beside a list ("{" before its bullets, "}" after its
    // lines) touches the letters next to it, but is no part of their word: joined, it gives the word its
    // height, and the lines it spans would read as one.
    private static bool IsTallSign(Letter sign, Letter beside) =>
        sign.PointSize >= TallSignRatio * Math.Max(1, beside.PointSize) && sign.Value.Length > 0 && !char.IsLetterOrDigit(sign.Value[0]);

    // As the line builder bounds the sizes of one line's words.
    private static readonly double TallSignRatio = 1 / LineBuilderOptions.Default.MinLineSizeRatio;

    // Turned text has lost its space glyphs, and the nearest-neighbour extractor joins letters that merely
    // line up ("256° 36′" read "25636"): a gap of a word space between one letter's advance and the next,
    // measured along the baseline, parts the word as it does upright text.
    private static void SplitAlongBaseline(Word word, List<Word> into)
    {
        var letters = word.Letters;
        var first = letters[0];
        var (dx, dy) = (first.EndBaseLine.X - first.StartBaseLine.X, first.EndBaseLine.Y - first.StartBaseLine.Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (letters.Count < 2 || length <= 0)
        {
            into.Add(word);
            return;
        }
        (dx, dy) = (dx / length, dy / length);
        double Along(UglyToad.PdfPig.Core.PdfPoint p) => p.X * dx + p.Y * dy;
        var start = 0;
        for (var i = 1; i < letters.Count; i++)
        {
            var size = Math.Max(1, Math.Max(letters[i - 1].PointSize, letters[i].PointSize));
            var gap = Along(letters[i].StartBaseLine) - Math.Max(Along(letters[i - 1].StartBaseLine), Along(letters[i - 1].EndBaseLine));
            if (gap < SpaceGap * size) continue;
            into.Add(new Word(letters.Skip(start).Take(i - start).ToList()));
            start = i;
        }
        into.Add(start == 0 ? word : new Word(letters.Skip(start).ToList()));
    }

    // The median gap between the advances of consecutive letters (0 for text set tight), from three gaps up.
    private static double Tracking(IReadOnlyList<Letter> letters)
    {
        if (letters.Count < 4) return 0;
        var gaps = new List<double>(letters.Count - 1);
        for (var i = 1; i < letters.Count; i++) gaps.Add(letters[i].StartBaseLine.X - Math.Max(letters[i - 1].StartBaseLine.X, letters[i - 1].EndBaseLine.X));
        gaps.Sort();
        return Math.Max(0, gaps[gaps.Count / 2]);
    }

    private static void SplitAtDirectionChanges(Word word, List<Word> into)
    {
        var run = new List<Letter>();
        var direction = Bidi.Direction.Neutral;
        foreach (var letter in word.Letters)
        {
            var d = Bidi.Of(letter.Value);
            if (d != Bidi.Direction.Neutral && direction != Bidi.Direction.Neutral && d != direction && run.Count > 0)
            {
                into.Add(new Word(run));
                run = [];
            }
            if (d != Bidi.Direction.Neutral) direction = d;
            run.Add(letter);
        }
        if (run.Count > 0) into.Add(new Word(run));
    }
}
