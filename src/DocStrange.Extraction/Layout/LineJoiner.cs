using System.Text;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Joins the lines of a block into one string: a space between lines, except where a line ends in a
/// hyphen after a letter and the next starts with a lower-case letter ("exam-" + "ple" -> "example").
/// </summary>
public static class LineJoiner
{
    /// <summary>The lines joined, each normalised with <see cref="TextCleanup.Normalize"/>.</summary>
    public static string Join(IEnumerable<string> lines)
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
                sb.Length--;
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

    private static bool EndsInHyphenation(StringBuilder sb) =>
        sb.Length >= 2 && sb[^1] is '-' or '\u2010' && char.IsLetter(sb[^2]);
}
