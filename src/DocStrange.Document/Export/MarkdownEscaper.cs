using System.Text;

namespace DocStrange.Document.Export;

/// <summary>
/// Escapes plain text for CommonMark / GitHub-flavoured Markdown, conservatively: a character gets a
/// backslash only where it could start or close markup, so ordinary prose (snake_case names, "a * b",
/// "[1]", "a &lt; b") stays as it was. Rules follow the CommonMark 0.31 spec (emphasis flanking, §6.2;
/// block starts, §4-5) and the GFM table, strikethrough and task-list extensions.
/// </summary>
internal static class MarkdownEscaper
{
    /// <summary>Escapes one line of inline text (no line breaks) that sits inside a block such as a table cell.</summary>
    public static string EscapeInline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (NeedsEscape(text, i)) sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Escapes <c>text[start..end)</c> by the inline rules, judging each character in the context of the whole
    /// text (so a stretch cut out for inline markup escapes what the whole line would); with
    /// <paramref name="lineStart"/> the stretch also gets the block-start rules of <see cref="EscapeLine"/>.
    /// </summary>
    public static string EscapeRange(string text, int start, int end, bool lineStart)
    {
        var sb = new StringBuilder(end - start + 8);
        for (var i = start; i < end; i++)
        {
            if (NeedsEscape(text, i)) sb.Append('\\');
            sb.Append(text[i]);
        }
        var escaped = sb.ToString();
        if (!lineStart || end <= start) return escaped;
        var rest = text[start..];
        if (OrderedMarkerEnd(rest) is { } marker && marker < end - start)
        {
            return escaped[..marker] + "\\" + escaped[marker..];
        }
        return StartsBlock(rest) && escaped[0] != '\\' ? "\\" + escaped : escaped;
    }

    /// <summary>Escapes a line that starts a block or continues a paragraph: inline rules plus block-start markers.</summary>
    public static string EscapeLine(string line)
    {
        line = line.Trim();
        var escaped = EscapeInline(line);
        if (line.Length == 0) return escaped;
        if (OrderedMarkerEnd(line) is { } end)
        {
            // "1." or "1)" then a space would start an ordered list: escape the dot (digits are never escaped inline).
            return escaped[..end] + "\\" + escaped[end..];
        }
        return StartsBlock(line) && escaped[0] != '\\' ? "\\" + escaped : escaped;
    }

    /// <summary>Escapes a paragraph that may span lines; blank lines are dropped so it stays one paragraph.</summary>
    public static string EscapeParagraph(string text) => string.Join('\n',
        text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(EscapeLine));

    /// <summary>Escapes heading text; a trailing run of <c>#</c> after a space would be read as the closing sequence.</summary>
    public static string EscapeHeading(string text)
    {
        var escaped = EscapeInline(PlainText.OneLine(text));
        var run = escaped.Length;
        while (run > 0 && escaped[run - 1] == '#') run--;
        var closing = run < escaped.Length && (run == 0 || escaped[run - 1] == ' ');
        return closing ? escaped[..run] + "\\" + escaped[run..] : escaped;
    }

    private static bool NeedsEscape(string s, int i) => s[i] switch
    {
        '\\' => i + 1 == s.Length || IsAsciiPunctuation(s[i + 1]),
        '`' or '|' => true,
        '*' or '~' => !(IsSpaceOrEdge(s, i - 1) && IsSpaceOrEdge(s, i + 1)),
        '_' => !(IsSpaceOrEdge(s, i - 1) && IsSpaceOrEdge(s, i + 1)) && !(IsAlnum(s, i - 1) && IsAlnum(s, i + 1)),
        ']' => i + 1 < s.Length && s[i + 1] is '(' or '[' or ':',
        '<' => i + 1 < s.Length && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!' or '?'),
        '&' => StartsEntity(s, i),
        _ => false,
    };

    // A line starting like this would open a heading, quote, bullet, thematic break, setext underline or task box.
    private static bool StartsBlock(string line)
    {
        var first = line[0];
        if (first is '#' or '>') return true;
        if (first is '-' or '+' or '*' && (line.Length == 1 || line[1] is ' ' or '\t')) return true;
        if (first is '-' or '=' && line.All(ch => ch == first || ch is ' ' or '\t')) return true;
        return line.Length >= 3 && line[0] == '[' && line[1] is ' ' or 'x' or 'X' && line[2] == ']'
            && (line.Length == 3 || line[3] is ' ' or '\t');
    }

    // The index of the '.' or ')' after 1-9 leading digits when a space or the end follows it.
    private static int? OrderedMarkerEnd(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        if (digits is 0 or > 9 || digits >= line.Length || line[digits] is not ('.' or ')')) return null;
        return digits + 1 == line.Length || line[digits + 1] is ' ' or '\t' ? digits : null;
    }

    // "&amp;", "&#123;", "&#x1F;" would be read as character references.
    private static bool StartsEntity(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && j - i <= 32 && (char.IsAsciiLetterOrDigit(s[j]) || (j == i + 1 && s[j] == '#'))) j++;
        return j < s.Length && s[j] == ';' && j > i + 1;
    }

    private static bool IsSpaceOrEdge(string s, int i) => i < 0 || i >= s.Length || char.IsWhiteSpace(s[i]);

    private static bool IsAlnum(string s, int i) => i >= 0 && i < s.Length && char.IsLetterOrDigit(s[i]);

    private static bool IsAsciiPunctuation(char ch) => ch < 128 && (char.IsPunctuation(ch) || char.IsSymbol(ch));
}
