using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Headings: a short block (at most three lines) set clearly larger than the body text, or a short
/// bold or italic line of body size standing alone that does not read as a sentence. The level comes from the section number
/// when the heading has one ("2.1 Scope" is level 2) and otherwise from how much larger than the body
/// it is (<see cref="FontSizeStatistics.HeadingLevel"/>).
/// </summary>
public static partial class HeadingRule
{
    private const int MaxLines = 3;
    private const int MaxChars = 200;
    private const int MaxBoldChars = 100;

    /// <summary>
    /// Whether the lines are a heading, judged against the document's sizes so far. Lines set amid text
    /// of their own size (<paramref name="amidTextOfItsSize"/>) stand out by emphasis only.
    /// </summary>
    public static bool IsHeading(IReadOnlyList<LayoutLine> lines, string text, double size, FontSizeStatistics statistics, bool amidTextOfItsSize = false)
    {
        if (lines.Count > MaxLines || text.Length > MaxChars || !text.Any(char.IsLetter)) return false;
        if (!amidTextOfItsSize && statistics.IsHeadingSize(size)) return true;
        // A bold (or, where little is italic, an italic) line of body size on its own, not a sentence.
        var emphasis = lines.Count == 1 && (lines[0].Bold && statistics.BoldShare < 0.5 || lines[0].Italic && statistics.ItalicShare < 0.2);
        return emphasis
            && text.Length <= MaxBoldChars
            && size >= statistics.BodySize - 0.5
            && (char.IsUpper(text[0]) || char.IsDigit(text[0]))
            && !text.EndsWith('.') && !text.EndsWith(',') && !text.EndsWith(';');
    }

    /// <summary>The heading's level (1 = top): from its section number when it has one, else from its size.</summary>
    public static int Level(string text, double size, FontSizeStatistics statistics)
    {
        var bySize = statistics.HeadingLevel(size);
        var match = SectionNumber().Match(text);
        return match.Success ? Math.Min(6, match.Groups["part"].Captures.Count + 1) : bySize;
    }

    // "2", "2.1", "2.1.3", "A.2", "B." before the heading's words.
    [GeneratedRegex(@"^\s*(?:\d{1,2}(?<part>\.\d{1,2})*\.?|[A-Z](?<part>\.\d{1,2})+\.?|[A-Z]\.)\s+\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumber();
}
