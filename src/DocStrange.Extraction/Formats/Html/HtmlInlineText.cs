using System.Text;
using AngleSharp.Dom;
using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// The visible text of an element as one whitespace-normalised line: hidden elements skipped, a
/// space where a block or a line break separates text (so "&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;" is "a b"),
/// and links reduced to their text.
/// </summary>
internal static class HtmlInlineText
{
    /// <summary>The element's text; with <paramref name="skipLists"/>, nested lists are left out (they become items of their own).</summary>
    public static string Of(INode node, bool skipLists = false)
    {
        var sb = new StringBuilder();
        Append(node, sb, skipLists);
        return TextCleanup.Normalize(sb.ToString());
    }

    /// <summary>Appends the node's raw text (not yet normalised) to <paramref name="sb"/>.</summary>
    public static void Append(INode node, StringBuilder sb, bool skipLists = false)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when HtmlVisibility.IsHidden(element):
                    break;
                case IElement element when skipLists && HtmlTags.IsList(element.LocalName):
                    break;
                case IElement { LocalName: "br" or "hr" }:
                    sb.Append(' ');
                    break;
                case IElement element when HtmlTags.IsBlock(element.LocalName):
                    sb.Append(' ');
                    Append(element, sb, skipLists);
                    sb.Append(' ');
                    break;
                case IElement element:
                    Append(element, sb, skipLists);
                    break;
            }
        }
    }
}
