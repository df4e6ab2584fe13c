using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Recognises the text of a caption by its label: "Figure 3", "Fig. 2a", "Table 1.", "Listing 2:",
/// "Example 2-1", "Chart 4", "Exhibit 5", "Scheme 1", "Plate II", followed by the end of the text or a
/// separator and a description.
/// </summary>
public static partial class CaptionPrefix
{
    /// <summary>Whether the text starts with a caption label.</summary>
    public static bool IsCaption(string text) => Label().IsMatch(text);

    /// <summary>Whether the caption's label names a table (so it belongs with a table rather than a picture).</summary>
    public static bool IsTableCaption(string text) => Label().Match(text) is { Success: true } m && m.Groups["kind"].Value.StartsWith("tab", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*(?<kind>figure|fig\.|table|tab\.|listing|example|chart|exhibit|scheme|plate|diagram|graph|illustration|abbildung|abb\.|tabelle|tableau|tabla|figura)\s*(?:[A-Z]?\d+(?:[.\-–]\d+)*[a-z]?|[IVXLC]+)(?:\s*[:.\-–—|]|\s{2,}|\s+(?-i:[A-Z(])|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
