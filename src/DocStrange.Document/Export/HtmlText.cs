using System.Text;

namespace DocStrange.Document.Export;

/// <summary>
/// Encodes text for HTML element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c> become
/// character references and every other character is written as is (the page is UTF-8), unlike
/// <see cref="System.Net.WebUtility.HtmlEncode(string)"/>, which also turns accented letters into numeric references.
/// </summary>
internal static class HtmlText
{
    /// <summary>The encoded text.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'\0") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\0' => "\uFFFD",
                _ => null,
            } ?? ch.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Encoded text whose line breaks become <c>&lt;br&gt;</c>.</summary>
    public static string EncodeLines(string text) =>
        string.Join("<br>\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => Encode(line.Trim())));

    /// <summary>The <c> data-page="n"</c> attribute (with its leading space) of a block with provenance, else empty.</summary>
    public static string PageAttribute(Model.Block block) =>
        block.Provenance is { } p ? $" data-page=\"{p.Page}\"" : "";
}
