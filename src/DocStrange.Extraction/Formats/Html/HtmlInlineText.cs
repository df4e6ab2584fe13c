using AngleSharp.Dom;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// The visible text of an element as one whitespace-normalised line: hidden elements skipped, a
/// space where a block or a line break separates text (so "&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;" is "a b"),
/// with inline spans for <c>b</c>/<c>strong</c>, <c>i</c>/<c>em</c>, <c>code</c>/<c>kbd</c>/<c>samp</c>
/// and links (<c>a href</c>, the target as written).
/// </summary>
internal static class HtmlInlineText
{
    /// <summary>The element's plain text; with <paramref name="skipLists"/>, nested lists are left out (they become items of their own).</summary>
    public static string Of(INode node, bool skipLists = false) => Build(node, skipLists).Text;

    /// <summary>
    /// A table cell's text: like <see cref="Of"/>, with an image's alt text standing in for the image (a cell
    /// may hold nothing else), and a list in the cell kept as one line per item with its marker ("- Pond",
    /// "2. Build nest"), since a cell cannot hold list blocks of its own.
    /// </summary>
    public static string OfCell(INode cell)
    {
        var builder = new InlineTextBuilder();
        Append(cell, builder, inCell: true);
        return builder.Build().Text;
    }

    /// <summary>The element's text and inline spans.</summary>
    public static (string Text, IReadOnlyList<InlineSpan>? Spans) Build(INode node, bool skipLists = false)
    {
        var builder = new InlineTextBuilder();
        Append(node, builder, skipLists);
        return builder.Build();
    }

    /// <summary>Appends the node's children to <paramref name="builder"/> with the formatting in force.</summary>
    public static void Append(INode node, InlineTextBuilder builder, bool skipLists = false, InlineStyle style = InlineStyle.None, string? href = null, bool inCell = false)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data.ReplaceLineEndings(" "), style, href);
                    break;
                case IElement element when HtmlVisibility.IsHidden(element):
                    break;
                case IElement element when skipLists && HtmlTags.IsList(element.LocalName):
                    break;
                case IElement { LocalName: "br" or "hr" }:
                    builder.Append(" ");
                    break;
                case IElement { LocalName: "img" } image when inCell:
                    builder.Append(" " + (image.GetAttribute("alt") ?? "") + " ");
                    break;
                case IElement element when inCell && HtmlTags.IsList(element.LocalName):
                    AppendCellList(element, builder, style, href);
                    break;
                case IElement element when HtmlTags.IsBlock(element.LocalName):
                    builder.Append(" ");
                    Append(element, builder, skipLists, style, href, inCell);
                    builder.Append(" ");
                    break;
                case IElement element:
                    Append(element, builder, skipLists, style | StyleOf(element), href ?? HrefOf(element), inCell);
                    break;
            }
        }
    }

    // Each visible item on a line of its own after its marker: "- " for a bullet list, the item's number for an
    // ordered one (counting from the list's start, or an item's own value). Nested lists follow their item.
    private static void AppendCellList(IElement list, InlineTextBuilder builder, InlineStyle style, string? href)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        foreach (var item in list.Children)
        {
            if (item.LocalName != "li" || HtmlVisibility.IsHidden(item)) continue;
            if (ordered && int.TryParse(item.GetAttribute("value"), out var value)) number = value;
            builder.AppendBreak();
            builder.Append(ordered ? $"{number++}. " : "- ");
            Append(item, builder, style: style, href: href, inCell: true);
        }
        builder.AppendBreak();
    }

    /// <summary>The formatting an inline element adds.</summary>
    public static InlineStyle StyleOf(IElement element) => element.LocalName switch
    {
        "b" or "strong" => InlineStyle.Bold,
        "i" or "em" or "cite" or "dfn" or "var" => InlineStyle.Italic,
        "code" or "kbd" or "samp" or "tt" => InlineStyle.Code,
        "s" or "del" or "strike" => InlineStyle.Strikethrough,
        "sup" => InlineStyle.Superscript,
        "sub" => InlineStyle.Subscript,
        _ => InlineStyle.None,
    };

    /// <summary>The link target of an <c>a</c> element, or null.</summary>
    public static string? HrefOf(IElement element) =>
        element.LocalName == "a" && element.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            ? href.Trim()
            : null;
}
