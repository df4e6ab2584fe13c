namespace DocStrange.Extraction.Formats.Html;

/// <summary>Which elements start a block of their own (HTML's flow content that is not phrasing content).</summary>
internal static class HtmlTags
{
    private static readonly HashSet<string> BlockLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "legend", "html",
    };

    public static bool IsBlock(string localName) => BlockLevel.Contains(localName);

    public static bool IsList(string localName) => localName is "ul" or "ol" or "menu";

    public static int HeadingRank(string localName) =>
        localName.Length == 2 && localName[0] == 'h' && localName[1] is >= '1' and <= '6' ? localName[1] - '0' : 0;
}
