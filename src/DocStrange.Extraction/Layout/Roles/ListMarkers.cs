using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Recognises the marker that starts a list item: a bullet glyph, a number followed by "." or ")",
/// a number or letter in parentheses, or a lower-case letter or roman numeral followed by "." or ")".
/// </summary>
public static partial class ListMarkers
{
    /// <summary>Whether the line starts with a list marker; <paramref name="ordered"/> says whether it is a number and <paramref name="rest"/> is the text after it.</summary>
    public static bool TryMatch(string line, out bool ordered, out string rest)
    {
        var match = Marker().Match(line);
        // The item's text must start like text, so rules of dashes or stars are not lists.
        if (!match.Success || match.Length >= line.Length || !StartsLikeText(line[match.Length]))
        {
            ordered = false;
            rest = line;
            return false;
        }
        ordered = match.Groups["number"].Success || match.Groups["letter"].Success;
        rest = line[match.Length..];
        return true;
    }

    /// <summary>Whether the line starts with a bullet glyph (not a dash or star, which code uses too).</summary>
    public static bool StartsWithBullet(string line) => line.TrimStart() is { Length: > 0 } t && "•●▪◦■□‣⁃○►➢✓\uF0B7\uF0A7\uF0D8\uF076".Contains(t[0]);

    private static bool StartsLikeText(char ch) => char.IsLetterOrDigit(ch) || ch is '"' or '\'' or '“' or '‘' or '(' or '[';

    // Bullets include the private-use code points Symbol and Wingdings fonts map their bullets to.
    [GeneratedRegex(@"^\s*(?:[•●▪◦■□‣⁃○►➢✓\uF0B7\uF0A7\uF0D8\uF076*\-–]|(?<number>\d{1,3}[.)]|\(\d{1,3}\))|(?<letter>\(?[a-z]\)|[a-z]\.|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)[.)]|\([ivx]{1,4}\)))\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
