using System.Text;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Formats;

/// <summary>
/// Collects a paragraph's runs (text with a style and a link target) and yields its normalised text
/// with <see cref="InlineSpan"/>s whose offsets point into that text: runs of whitespace become one
/// space, a line break is kept as <c>\n</c> without spaces around it, ligatures are expanded and
/// invisible characters dropped as <see cref="Layout.TextCleanup"/> does, and the ends are trimmed.
/// </summary>
internal sealed class InlineTextBuilder
{
    private readonly List<(string Text, InlineStyle Style, string? Href)> _runs = [];

    /// <summary>Whether nothing but whitespace has been added.</summary>
    public bool IsBlank => _runs.All(r => string.IsNullOrWhiteSpace(r.Text));

    /// <summary>Adds a run.</summary>
    public void Append(string text, InlineStyle style = InlineStyle.None, string? href = null)
    {
        if (text.Length > 0) _runs.Add((text, href is null ? style : style | InlineStyle.Link, href));
    }

    /// <summary>Adds a line break.</summary>
    public void AppendBreak() => _runs.Add(("\n", InlineStyle.None, null));

    /// <summary>Forgets everything added.</summary>
    public void Clear() => _runs.Clear();

    /// <summary>The normalised text and its spans (null when there are none).</summary>
    public (string Text, IReadOnlyList<InlineSpan>? Spans) Build()
    {
        var sb = new StringBuilder();
        var spans = new List<InlineSpan>();
        foreach (var (text, style, href) in _runs)
        {
            var start = sb.Length;
            foreach (var ch in text)
            {
                if (ch is '\n' or '\r' or '\v' or '\u2028')
                {
                    TrimEndSpaces(sb);
                    if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                }
                else if (char.IsWhiteSpace(ch) || char.IsControl(ch))
                {
                    if (sb.Length > 0 && sb[^1] is not (' ' or '\n')) sb.Append(' ');
                }
                else if (ch < 0x80)
                {
                    sb.Append(ch);
                }
                else
                {
                    // Non-ASCII goes through the shared clean-up: ligatures expand, odd spaces and invisible characters go.
                    var cleaned = Layout.TextCleanup.Normalize(ch.ToString());
                    if (cleaned.Length > 0) sb.Append(cleaned);
                    else if (char.IsWhiteSpace(ch) || char.IsSeparator(ch))
                    {
                        if (sb.Length > 0 && sb[^1] is not (' ' or '\n')) sb.Append(' ');
                    }
                }
            }
            start = Math.Min(start, sb.Length);
            if (style != InlineStyle.None && sb.Length > start) Add(spans, new InlineSpan(start, sb.Length - start, style, href));
        }
        while (sb.Length > 0 && char.IsWhiteSpace(sb[^1])) sb.Length--;
        var clipped = spans
            .Select(s => s with { Length = Math.Min(s.Start + s.Length, sb.Length) - s.Start })
            .Where(s => s.Length > 0 && !string.IsNullOrWhiteSpace(sb.ToString(s.Start, s.Length)))
            .ToList();
        return (sb.ToString(), clipped.Count > 0 ? clipped : null);
    }

    private static void TrimEndSpaces(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
    }

    // Joins a span to the previous one when they touch and look the same; cuts overlaps left by trimming.
    private static void Add(List<InlineSpan> spans, InlineSpan span)
    {
        if (spans.Count > 0)
        {
            var last = spans[^1];
            var lastEnd = last.Start + last.Length;
            if (lastEnd > span.Start) spans[^1] = last = last with { Length = Math.Max(0, span.Start - last.Start) };
            if (last.Start + last.Length == span.Start && last.Style == span.Style && last.Href == span.Href)
            {
                spans[^1] = last with { Length = last.Length + span.Length };
                return;
            }
        }
        spans.Add(span);
    }
}
