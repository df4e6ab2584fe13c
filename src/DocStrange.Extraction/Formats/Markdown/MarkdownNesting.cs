using System.Text;

namespace DocStrange.Extraction.Formats.Markdown;

/// <summary>
/// Holds Markdown to <see cref="ReaderLimits.MaxMarkdownNestingDepth"/> before it is parsed. Markdig's work
/// on a line grows with the square of the containers the line continues, so a list indented one step
/// deeper on each line (or <c>&gt; &gt; &gt;</c> quotes) took minutes. Every container a line opens or
/// continues is written in the line's prefix: a <c>&gt;</c>, a list marker, or two or more columns of
/// indentation; counting those (indentation by half its columns) is never less than the line's real depth.
/// Past the limit, the rest of the prefix is dropped but for a last list marker, so a deeper item becomes
/// an item of the deepest list and deeper quoted text joins the deepest quote; no word is lost. Only such
/// lines change (an indented code line past 256 columns loses the indentation beyond that).
/// </summary>
internal static class MarkdownNesting
{
    /// <summary>The text with every line held to <paramref name="maxDepth"/> containers; the same string when none goes deeper.</summary>
    public static string Limit(string text, int maxDepth)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (Cut(text.AsSpan(start, end - start), maxDepth) is var (keep, resume, marker))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, start + keep - copied);
                if (marker.Length > 0) result.Append(marker).Append(' ');
                copied = start + resume;
            }
            start = end + 1;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    // Where a line too deep is cut: the characters of its prefix kept, where its content resumes, and its last list marker.
    private static (int Keep, int Resume, string Marker)? Cut(ReadOnlySpan<char> line, int maxDepth)
    {
        var depth = 0;
        var column = 0;
        var i = 0;
        int? keep = null;
        var marker = "";
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\t')
            {
                var from = column;
                for (; i < line.Length && line[i] is ' ' or '\t'; i++)
                {
                    column = line[i] == '\t' ? (column / 4 + 1) * 4 : column + 1;
                    if (keep is null && depth + (column - from) / 2 > maxDepth) keep = i;
                }
                depth += (column - from) / 2;
                continue;
            }
            var length = line[i] == '>' ? 1 : MarkerLength(line[i..]);
            if (length == 0) break;
            if (keep is null && depth + 1 > maxDepth) keep = i;
            if (keep is not null) marker = line[i] == '>' ? "" : line.Slice(i, length).ToString();
            depth++;
            column += length;
            i += length;
        }
        if (keep is null) return null;
        // The spaces after a kept marker are part of the content's indentation: resume at the content itself.
        return (keep.Value, i, marker);
    }

    // A bullet (-, +, *) or an ordered marker (1 to 9 digits and . or )) followed by a space, a tab or the end of the line.
    private static int MarkerLength(ReadOnlySpan<char> s)
    {
        var length = 0;
        if (s[0] is '-' or '+' or '*') length = 1;
        else
        {
            while (length < s.Length && length < 9 && char.IsAsciiDigit(s[length])) length++;
            if (length == 0 || length >= s.Length || s[length] is not ('.' or ')')) return 0;
            length++;
        }
        return length == s.Length || s[length] is ' ' or '\t' ? length : 0;
    }
}
