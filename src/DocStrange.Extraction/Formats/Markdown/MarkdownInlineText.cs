using System.Text;
using Markdig.Syntax.Inlines;
using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Formats.Markdown;

/// <summary>
/// Inline Markdown reduced to its text: emphasis and code spans lose their markers, links keep
/// their text, images their alt text, autolinks their address; inline HTML tags are dropped and line
/// breaks become spaces.
/// </summary>
internal static class MarkdownInlineText
{
    public static string Of(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        Append(inline, sb);
        return TextCleanup.Normalize(sb.ToString());
    }

    private static void Append(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case AutolinkInline autolink:
                sb.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case HtmlInline:
                break;
            case DelimiterInline delimiter:
                sb.Append(delimiter.ToLiteral());
                AppendChildren(delimiter, sb);
                break;
            case ContainerInline container:
                AppendChildren(container, sb);
                break;
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder sb)
    {
        foreach (var child in container) Append(child, sb);
    }
}
