using System.Text;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Joins the lines of a block into one string: a space between lines, except after a wrapped line between
/// two characters of a script written without spaces (Chinese, Japanese), and where a line ends in a hyphen
/// after a letter and the next starts with a lower-case letter ("exam-" + "ple" -> "example").
/// Given the words the document uses, a compound broken at its own hyphen keeps it: where the document
/// writes the compound with its hyphen elsewhere and never joined ("age-" + "adjusted" ->
/// "age-adjusted" when "age-adjusted" occurs within a line), as a reader who knows the document would.
/// </summary>
public static class LineJoiner
{
    /// <summary>The lines joined, each normalised with <see cref="TextCleanup.Normalize"/>.</summary>
    public static string Join(IEnumerable<string> lines) => Join(lines, null);

    /// <summary>The lines joined; <paramref name="vocabulary"/> (lower-case words and hyphenated compounds of the document) tells compounds from broken words.</summary>
    public static string Join(IEnumerable<string> lines, IReadOnlySet<string>? vocabulary) => Join(lines.Select(l => (l, false)), vocabulary);

    /// <summary>
    /// Laid-out lines joined: between two characters of a script written without spaces, a line that was
    /// wrapped (full: at least <see cref="MinWrappedChars"/> characters, reaching within 1.5 em of the lines'
    /// right edge) goes on without a space; lines set apart on purpose (two names, one to a line) keep it.
    /// </summary>
    public static string Join(IReadOnlyList<LayoutLine> lines, IReadOnlySet<string>? vocabulary = null)
    {
        var right = lines.Count == 0 ? 0 : lines.Max(l => l.Box.Right);
        return Join(lines.Select(l => (l.Text, l.Text.Length >= MinWrappedChars && l.Box.Right >= right - 1.5 * l.FontSize)), vocabulary);
    }

    /// <summary>The fewest characters of a line that can have been wrapped rather than set on its own.</summary>
    public const int MinWrappedChars = 10;

    private static string Join(IEnumerable<(string Text, bool Wrapped)> lines, IReadOnlySet<string>? vocabulary)
    {
        var sb = new StringBuilder();
        var wrapped = false;
        foreach (var (raw, full) in lines)
        {
            var line = TextCleanup.Normalize(ExpandSoftHyphenAtEnd(raw));
            if (line.Length == 0) continue;
            if (sb.Length == 0)
            {
                sb.Append(line);
            }
            else if (EndsInHyphenation(sb) && char.IsLower(line[0]))
            {
                if (!IsCompound(sb, line, vocabulary)) sb.Length--;
                sb.Append(line);
            }
            else if (wrapped && IsUnspaced(sb[^1]) && IsUnspaced(line[0]))
            {
                sb.Append(line);
            }
            else
            {
                sb.Append(' ').Append(line);
            }
            wrapped = full;
        }
        return sb.ToString();
    }

    // A soft hyphen ends a line only where the word was broken: make it a visible hyphen for the join rule.
    private static string ExpandSoftHyphenAtEnd(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.EndsWith('\u00AD') ? trimmed[..^1] + "-" : line;
    }

    // The compound must occur with its hyphen elsewhere in the document, and the joined form must not.
    private static bool IsCompound(StringBuilder sb, string line, IReadOnlySet<string>? vocabulary)
    {
        if (vocabulary is null || vocabulary.Count == 0) return false;
        var start = sb.Length - 1;
        while (start > 0 && char.IsLetter(sb[start - 1])) start--;
        var head = sb.ToString(start, sb.Length - 1 - start).ToLowerInvariant();
        var end = 0;
        while (end < line.Length && char.IsLetter(line[end])) end++;
        var tail = line[..end].ToLowerInvariant();
        return head.Length > 0 && tail.Length > 0 && vocabulary.Contains(head + "-" + tail) && !vocabulary.Contains(head + tail);
    }

    /// <summary>
    /// Whether the character belongs to a script written without spaces between words (Chinese, Japanese kana,
    /// their full-width punctuation): a line of it breaks anywhere, and a space put at the join would be a
    /// character the text never had. Korean is written with spaces and is not one.
    /// </summary>
    public static bool IsUnspaced(char c) =>
        c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60';

    private static bool EndsInHyphenation(StringBuilder sb) =>
        sb.Length >= 2 && sb[^1] is '-' or '\u2010' && char.IsLetter(sb[^2]);
}
