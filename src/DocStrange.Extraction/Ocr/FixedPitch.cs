namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Whether a scanned page is set in a fixed-pitch face (a typescript, a printout of code), which an
/// image does not say as a text layer's font does. Two ways of predicting a word's width from its
/// letters are compared over the page's words of four letters or more: every letter as wide as the
/// next (fixed pitch), or each letter as wide as in a common proportional face (Helvetica's widths;
/// other proportional faces keep about the same proportions, an "m" three times an "i"). Each
/// prediction is scaled to the page by the median ratio of measured to predicted width, and the one
/// whose median error is well under the other's (half) wins. On a typescript the fixed-pitch
/// prediction is off by about 2%, the proportional one by 10%; on printed pages it is the other way
/// round (8% and 2 to 5%).
/// </summary>
internal static class FixedPitch
{
    /// <summary>The fewest words of four letters or more to judge a page by.</summary>
    public const int MinWords = 20;

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // Helvetica's advance widths (thousandths of an em) of a-z and A-Z.
    private static readonly int[] LetterWidths =
    [
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
    ];

    /// <summary>Whether the words, each its text and its measured width, are set in a fixed-pitch face.</summary>
    public static bool Holds(IEnumerable<(string Text, double Width)> words)
    {
        var measured = words.Where(w => w.Text.Length >= 4 && w.Width > 0).ToList();
        if (measured.Count < MinWords) return false;
        // A word's ink is a little narrower than its letters' advances: the bearings at both ends.
        var fixedError = MedianError(measured, w => w.Text.Length - 0.4);
        var proportionalError = MedianError(measured, w => w.Text.Sum(Advance) - 100);
        return fixedError < 0.5 * proportionalError;
    }

    private static double Advance(char c)
    {
        var i = Letters.IndexOf(c);
        if (i >= 0) return LetterWidths[i];
        return c switch
        {
            '.' or ',' or ':' or ';' or '\'' or '!' or '/' => 278,
            '-' or '(' or ')' => 333,
            _ => 556,
        };
    }

    // The median relative error of the predicted widths, scaled by the median ratio of measured to predicted.
    private static double MedianError(List<(string Text, double Width)> words, Func<(string Text, double Width), double> predict)
    {
        var ratios = words.Select(w => w.Width / predict(w)).Order().ToList();
        var scale = ratios[ratios.Count / 2];
        var errors = ratios.Select(r => Math.Abs(r / scale - 1)).Order().ToList();
        return errors[errors.Count / 2];
    }
}
