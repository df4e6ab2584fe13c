using System.Text;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Joins the lines of a block into one string: a space between lines, except where a line ends in a
/// hyphen after a letter and the next starts with a lower-case letter ("exam-" + "ple" -> "example").
/// Given the words the document uses, a compound broken at its own hyphen keeps it: where the document
/// writes the compound with its hyphen elsewhere and never joined ("age-" + "adjusted" ->
/// "age-adjusted" when "age-adjusted" occurs within a line), as a reader who knows the document would.
/// </summary>
public static class LineJoiner
{
    /// <summary>The lines joined, each normalised with <see cref="TextCleanup.Normalize"/>.</summary>
    public static string Join(IEnumerable<string> lines) => Join(lines, null);

    /// <summary>The lines joined; <paramref name="vocabulary"/> (lower-case words and hyphenated compounds of the document) tells compounds from broken words.</summary>
    public static string Join(IEnumerable<string> lines, IReadOnlySet<string>? vocabulary)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
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
            else
            {
                sb.Append(' ').Append(line);
            }
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

    private static bool EndsInHyphenation(StringBuilder sb) =>
        sb.Length >= 2 && sb[^1] is '-' or '\u2010' && char.IsLetter(sb[^2]);
}
