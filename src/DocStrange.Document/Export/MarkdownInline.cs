using System.Text;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Writes a block's text with its <see cref="InlineSpan"/>s as one line of GitHub-flavoured Markdown:
/// <c>**bold**</c>, <c>*italic*</c>, <c>~~struck~~</c>, <c>`code`</c>, <c>[text](href)</c>, <c>$maths$</c>, and raised or
/// lowered letters and digits as the inline HTML GitHub renders (<c>x&lt;sup&gt;2&lt;/sup&gt;</c>, so an exponent does not
/// read as a digit run on: "x2"). Line breaks
/// become spaces (as a soft break renders). Whitespace at a span's edges is moved outside its markers,
/// and emphasis that CommonMark would not read as emphasis (an edge that is punctuation next to a letter
/// outside, §6.2 flanking rules) is left out rather than written as stray asterisks.
/// </summary>
internal static class MarkdownInline
{
    /// <summary>The Markdown for <paramref name="text"/> with <paramref name="spans"/>; plain escaping when there are none.</summary>
    public static string Write(string text, IReadOnlyList<InlineSpan> spans)
    {
        var flat = text.Replace('\r', ' ').Replace('\n', ' ');
        var first = 0;
        var last = flat.Length;
        while (first < last && char.IsWhiteSpace(flat[first])) first++;
        while (last > first && char.IsWhiteSpace(flat[last - 1])) last--;
        var sb = new StringBuilder(flat.Length + 16);
        var pos = first;
        foreach (var (start, end, style, href) in Merge(spans, first, last))
        {
            if (start > pos) sb.Append(MarkdownEscaper.EscapeRange(flat, pos, start, lineStart: sb.Length == 0));
            AppendSpan(flat, start, end, style, href, sb);
            pos = end;
        }
        if (pos < last) sb.Append(MarkdownEscaper.EscapeRange(flat, pos, last, lineStart: sb.Length == 0));
        return sb.ToString();
    }

    // Spans clipped to [first, last), overlaps cut, neighbours with the same style and target joined.
    private static List<(int Start, int End, InlineStyle Style, string? Href)> Merge(IReadOnlyList<InlineSpan> spans, int first, int last)
    {
        var merged = new List<(int Start, int End, InlineStyle Style, string? Href)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            var start = Math.Max(span.Start, merged.Count > 0 ? merged[^1].End : first);
            var end = Math.Min(last, span.Start + span.Length);
            if (end <= start || span.Style == InlineStyle.None) continue;
            if (merged.Count > 0 && merged[^1].End == start && merged[^1].Style == span.Style && merged[^1].Href == span.Href)
            {
                merged[^1] = merged[^1] with { End = end };
            }
            else
            {
                merged.Add((start, end, span.Style, span.Href));
            }
        }
        return merged;
    }

    private static void AppendSpan(string text, int start, int end, InlineStyle style, string? href, StringBuilder sb)
    {
        var coreStart = start;
        var coreEnd = end;
        while (coreStart < coreEnd && char.IsWhiteSpace(text[coreStart])) coreStart++;
        while (coreEnd > coreStart && char.IsWhiteSpace(text[coreEnd - 1])) coreEnd--;
        if (coreStart > start) sb.Append(' ');
        if (coreEnd > coreStart) sb.Append(Core(text, coreStart, coreEnd, style, href, lineStart: sb.Length == 0));
        if (coreEnd < end) sb.Append(' ');
    }

    private static string Core(string text, int start, int end, InlineStyle style, string? href, bool lineStart)
    {
        var core = text[start..end];
        if (style.HasFlag(InlineStyle.Math)) return "$" + core.Replace("$", "\\$") + "$";
        string inner;
        if (style.HasFlag(InlineStyle.Code))
        {
            var fence = new string('`', LongestRun(core, '`') + 1);
            var pad = core.StartsWith('`') || core.EndsWith('`') ? " " : "";
            inner = fence + pad + core + pad + fence;
        }
        else
        {
            var escaped = MarkdownEscaper.EscapeRange(text, start, end, lineStart && !style.HasFlag(InlineStyle.Link));
            if (style.HasFlag(InlineStyle.Link)) escaped = EscapeBrackets(escaped);
            var marker = Emphasis(style);
            inner = marker.Length > 0 && CanEmphasize(text, start, end) ? marker + escaped + Reversed(marker) : escaped;
        }
        // Only raised or lowered letters and digits need the tags: they would run on into the word before
        // them; a bracketed reference ("[1]") or a sign reads apart as it is.
        if (char.IsLetterOrDigit(core[0]))
        {
            if (style.HasFlag(InlineStyle.Superscript)) inner = "<sup>" + inner + "</sup>";
            else if (style.HasFlag(InlineStyle.Subscript)) inner = "<sub>" + inner + "</sub>";
        }
        return style.HasFlag(InlineStyle.Link) && !string.IsNullOrWhiteSpace(href)
            ? "[" + inner + "](" + Destination(href) + ")"
            : inner;
    }

    private static string Emphasis(InlineStyle style) =>
        (style.HasFlag(InlineStyle.Bold) ? "**" : "") + (style.HasFlag(InlineStyle.Italic) ? "*" : "") +
        (style.HasFlag(InlineStyle.Strikethrough) ? "~~" : "");

    // The closing markers nest inside out: "**~~" closes as "~~**".
    private static string Reversed(string marker)
    {
        var chars = marker.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    // CommonMark's flanking rules: an opening run followed by punctuation must follow whitespace or punctuation, and the mirror for closing.
    private static bool CanEmphasize(string text, int start, int end)
    {
        bool Punct(char c) => char.IsPunctuation(c) || char.IsSymbol(c);
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        if (Punct(text[start]) && !(char.IsWhiteSpace(before) || Punct(before))) return false;
        return !(Punct(text[end - 1]) && !(char.IsWhiteSpace(after) || Punct(after)));
    }

    private static string EscapeBrackets(string escaped)
    {
        var sb = new StringBuilder(escaped.Length + 4);
        for (var i = 0; i < escaped.Length; i++)
        {
            var ch = escaped[i];
            if (ch == '\\' && i + 1 < escaped.Length)
            {
                sb.Append(ch).Append(escaped[++i]);
                continue;
            }
            if (ch is '[' or ']') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    // A link destination with the characters that would end or break it percent-encoded.
    private static string Destination(string href)
    {
        var sb = new StringBuilder(href.Length);
        foreach (var ch in href.Trim())
        {
            sb.Append(ch switch
            {
                ' ' => "%20",
                '(' => "%28",
                ')' => "%29",
                '<' => "%3C",
                '>' => "%3E",
                '\n' or '\r' or '\t' => "",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    private static int LongestRun(string text, char ch)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == ch ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
