using System.Text;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Writes a block's text with its <see cref="InlineSpan"/>s as HTML element content: <c>&lt;strong&gt;</c>,
/// <c>&lt;em&gt;</c>, <c>&lt;del&gt;</c>, <c>&lt;code&gt;</c>, <c>&lt;a href&gt;</c> and <c>&lt;span class="math"&gt;</c> (the
/// LaTeX as text), the text encoded by <see cref="HtmlText"/> and line breaks as <c>&lt;br&gt;</c>. A link
/// whose target names a scheme other than http, https, mailto, tel or ftp (<c>javascript:</c>,
/// <c>data:</c>, ...) keeps its text without the link, so an exported page never carries script in an href.
/// </summary>
internal static class HtmlInline
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel", "ftp"];

    /// <summary>The block's text as HTML content: with its spans when it has some, else encoded lines.</summary>
    public static string Write(Block block) =>
        block.Spans is { Count: > 0 } spans ? Write(block.Text, spans) : HtmlText.EncodeLines(block.Text);

    /// <summary>The HTML for <paramref name="text"/> marked up by <paramref name="spans"/>.</summary>
    public static string Write(string text, IReadOnlyList<InlineSpan> spans)
    {
        var sb = new StringBuilder(text.Length + 32);
        var pos = 0;
        foreach (var span in spans.Where(s => s.Style != InlineStyle.None && s.Length > 0).OrderBy(s => s.Start))
        {
            var start = Math.Clamp(Math.Max(span.Start, pos), 0, text.Length);
            var end = Math.Clamp(span.Start + span.Length, start, text.Length);
            if (end <= start) continue;
            sb.Append(Lines(text[pos..start]));
            AppendSpan(text[start..end], span.Style, span.Href, sb);
            pos = end;
        }
        sb.Append(Lines(text[pos..]));
        return sb.ToString();
    }

    private static void AppendSpan(string content, InlineStyle style, string? href, StringBuilder sb)
    {
        if (style.HasFlag(InlineStyle.Math))
        {
            sb.Append("<span class=\"math\">").Append(Lines(content)).Append("</span>");
            return;
        }
        var link = style.HasFlag(InlineStyle.Link) && IsSafeTarget(href);
        var tags = new List<string>();
        if (style.HasFlag(InlineStyle.Bold)) tags.Add("strong");
        if (style.HasFlag(InlineStyle.Italic)) tags.Add("em");
        if (style.HasFlag(InlineStyle.Strikethrough)) tags.Add("del");
        if (style.HasFlag(InlineStyle.Code)) tags.Add("code");
        if (style.HasFlag(InlineStyle.Superscript)) tags.Add("sup");
        else if (style.HasFlag(InlineStyle.Subscript)) tags.Add("sub");
        if (link) sb.Append("<a href=\"").Append(HtmlText.Encode(href!.Trim())).Append("\">");
        foreach (var tag in tags) sb.Append('<').Append(tag).Append('>');
        sb.Append(Lines(content));
        for (var i = tags.Count - 1; i >= 0; i--) sb.Append("</").Append(tags[i]).Append('>');
        if (link) sb.Append("</a>");
    }

    private static string Lines(string text) => HtmlText.Encode(text).ReplaceLineEndings("\n").Replace("\n", "<br>\n");

    // A relative target, a fragment, or one of the safe schemes. Browsers ignore whitespace and control
    // characters inside a scheme ("java\tscript:"), so they are dropped before the scheme is read.
    private static bool IsSafeTarget(string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return false;
        var compact = new string(href.Where(ch => ch > ' ').ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var delimiter = compact.IndexOfAny(['/', '?', '#']);
        if (delimiter >= 0 && delimiter < colon) return true;
        return SafeSchemes.Contains(compact[..colon].ToLowerInvariant());
    }
}
