using System.Text;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// The little of the Unicode bidirectional algorithm (UAX #9) a PDF text layer needs: PDFs place
/// right-to-left glyphs in visual order, so a right-to-left word's letters and a right-to-left line's
/// words are reversed to get the logical (reading) order back.
/// </summary>
public static class Bidi
{
    /// <summary>A run's strong direction.</summary>
    public enum Direction { Neutral, LeftToRight, RightToLeft }

    /// <summary>The strong direction of a letter's text: Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms are right-to-left; letters and digits left-to-right.</summary>
    public static Direction Of(string text)
    {
        foreach (var ch in text)
        {
            if (IsRightToLeft(ch)) return Direction.RightToLeft;
            if (char.IsLetterOrDigit(ch)) return Direction.LeftToRight;
        }
        return Direction.Neutral;
    }

    /// <summary>Whether any character of the text is right-to-left.</summary>
    public static bool HasRightToLeft(string text) => text.Any(IsRightToLeft);

    /// <summary>The letters of a visually ordered right-to-left word in reading order, with brackets mirrored.</summary>
    public static string Reverse(IEnumerable<string> letterValues)
    {
        var values = letterValues.ToList();
        var sb = new StringBuilder();
        for (var i = values.Count - 1; i >= 0; i--)
        {
            foreach (var ch in values[i]) sb.Append(Mirror(ch));
        }
        return sb.ToString();
    }

    private static bool IsRightToLeft(char ch) =>
        ch is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static char Mirror(char ch) => ch switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<', '«' => '»', '»' => '«',
        _ => ch,
    };
}
