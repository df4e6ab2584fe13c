using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// The recognised words a block of OCR'd text carries, in reading order, with their boxes and
/// confidences, and the block's confidence: the mean of its words', weighted by their length, to 4
/// decimals. Text read from a file has no confidence, and its blocks carry no words.
/// </summary>
public static class RecognisedWords
{
    /// <summary>The words and their mean confidence; (null, null) when none of the words was recognised.</summary>
    public static (IReadOnlyList<Word>? Words, double? Confidence) Of(IEnumerable<LayoutWord> words)
    {
        var recognised = words.Where(w => w.Confidence is not null).Select(w => new Word(w.Text, w.Box, Math.Round(w.Confidence!.Value, 4))).ToList();
        return recognised.Count == 0 ? (null, null) : (recognised, MeanConfidence(recognised));
    }

    /// <summary>The words' mean confidence weighted by length, to 4 decimals; null when they have no letters.</summary>
    public static double? MeanConfidence(IReadOnlyList<Word> words)
    {
        var weight = words.Sum(w => w.Text.Length);
        return weight == 0 ? null : Math.Round(words.Sum(w => w.Confidence * w.Text.Length) / weight, 4);
    }
}
