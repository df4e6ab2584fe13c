using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Util;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Words from a page's letters. PdfPig's default extractor splits at space glyphs and at gaps, which
/// keeps the word breaks of tightly justified text (where a space glyph may overlap its neighbours,
/// so geometry alone would glue words together); on top of that a word is split where the writing
/// direction changes, so "R" and an Arabic letter drawn touching each other stay apart. Letters
/// that are not horizontal (a rotated label) go to the nearest-neighbour extractor, which follows
/// their baseline, without their space glyphs.
/// </summary>
internal static class PdfWords
{
    private static readonly NearestNeighbourWordExtractor RotatedWords = new(new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>The page's words, each in one writing direction, whitespace dropped.</summary>
    public static List<Word> Extract(IReadOnlyList<Letter> letters)
    {
        var horizontal = letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
        var words = new List<Word>();
        if (horizontal.Count < letters.Count)
        {
            var rotated = letters.Where(l => l.TextOrientation != TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value)).ToList();
            words.AddRange(RotatedWords.GetWords(rotated));
        }
        foreach (var word in DefaultWordExtractor.Instance.GetWords(horizontal))
        {
            if (string.IsNullOrWhiteSpace(word.Text)) continue;
            if (!Bidi.HasRightToLeft(word.Text))
            {
                words.Add(word);
                continue;
            }
            SplitAtDirectionChanges(word, words);
        }
        return words;
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
