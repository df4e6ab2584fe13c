using System.Text.RegularExpressions;
using DocStrange.Extraction.Layout.Lines;

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
        var found = TryMatch(line, out var marker);
        ordered = found && marker.Kind != MarkerKind.Bullet;
        rest = found ? marker.Rest : line;
        return found;
    }

    /// <summary>Whether the line starts with a list marker, and which: a bullet, a number (with its value) or a letter or roman numeral (as printed).</summary>
    public static bool TryMatch(string line, out ListMarker marker)
    {
        var match = Marker().Match(line);
        marker = default;
        // The item's text must start like text, so rules of dashes or stars are not lists; a number in
        // parentheses followed by more digits is a figure ("(415) 555-0199"), not an item.
        if (!match.Success || match.Length >= line.Length || !StartsLikeText(line[match.Length])) return false;
        var rest = line[match.Length..];
        var printed = match.Value.Trim();
        if (match.Groups["number"].Success)
        {
            if (printed.StartsWith('(') && char.IsDigit(rest[0])) return false;
            marker = new ListMarker(MarkerKind.Number, printed, int.Parse(printed.Trim('(', ')', '.'), System.Globalization.CultureInfo.InvariantCulture), rest);
        }
        else if (match.Groups["letter"].Success) marker = new ListMarker(MarkerKind.Letter, printed, null, rest);
        else marker = new ListMarker(MarkerKind.Bullet, printed, null, rest);
        return true;
    }

    /// <summary>Whether the line starts with a bullet glyph (not a dash or star, which code uses too).</summary>
    public static bool StartsWithBullet(string line) => BulletGlyphs.StartsWithBullet(line);

    private static bool StartsLikeText(char ch) => char.IsLetterOrDigit(ch) || ch is '"' or '\'' or '“' or '‘' or '(' or '[';

    // Bullets include the private-use code points Symbol and Wingdings fonts map their bullets to.
    [GeneratedRegex(@"^\s*(?:[•●▪◦■□‣⁃○►➢✓\uF0B7\uF0A7\uF0D8\uF076*\-–]|(?<number>\d{1,3}[.)]|\(\d{1,3}\))|(?<letter>\(?[a-z]\)|[a-z]\.|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)[.)]|\([ivx]{1,4}\)))\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}

/// <summary>What kind of marker starts a list item.</summary>
public enum MarkerKind
{
    /// <summary>A bullet glyph, dash or star.</summary>
    Bullet,

    /// <summary>A number: "3.", "3)", "(3)".</summary>
    Number,

    /// <summary>A letter or roman numeral: "a.", "b)", "(iv)".</summary>
    Letter,
}

/// <summary>A list item's marker: its kind, as printed, its value for numbers, and the item's text after it.</summary>
public readonly record struct ListMarker(MarkerKind Kind, string Printed, int? Number, string Rest);
