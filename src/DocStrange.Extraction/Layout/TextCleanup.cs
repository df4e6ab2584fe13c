using System.Text;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Normalises text taken from a file: typographic ligatures expanded (ﬁ -> fi), Arabic presentation
/// forms made letters (<see cref="ArabicPresentationForms"/>), every kind of space
/// made a plain space, invisible and control characters dropped, runs of whitespace collapsed.
/// </summary>
public static class TextCleanup
{
    /// <summary>The text with ligatures expanded and whitespace collapsed and trimmed.</summary>
    public static string Normalize(string text)
    {
        if (text.Length == 0) return text;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (IsSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (IsInvisible(ch)) continue;
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            AppendExpanded(sb, ch);
        }
        return sb.ToString();
    }

    /// <summary>The text with ligatures expanded and invisible characters dropped, keeping its line breaks (for code).</summary>
    public static string NormalizeKeepingLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            foreach (var ch in lines[i].TrimEnd())
            {
                if (ch == '\t' || !IsInvisible(ch)) AppendExpanded(sb, IsSpace(ch) && ch != '\t' ? ' ' : ch);
            }
        }
        return sb.ToString().Trim('\n');
    }

    /// <summary>Expands the Unicode presentation-form ligatures U+FB00–U+FB06 and the Arabic presentation forms into their letters.</summary>
    public static string ExpandLigatures(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFB00', '\uFEFF')) return text;
        var sb = new StringBuilder(text.Length + 4);
        foreach (var ch in text) AppendExpanded(sb, ch);
        return sb.ToString();
    }

    private static void AppendExpanded(StringBuilder sb, char ch)
    {
        switch (ch)
        {
            case '\uFB00': sb.Append("ff"); break;
            case '\uFB01': sb.Append("fi"); break;
            case '\uFB02': sb.Append("fl"); break;
            case '\uFB03': sb.Append("ffi"); break;
            case '\uFB04': sb.Append("ffl"); break;
            case '\uFB05':
            case '\uFB06': sb.Append("st"); break;
            default:
                if (ArabicPresentationForms.IsPresentationForm(ch)) sb.Append(ArabicPresentationForms.Letters(ch));
                else sb.Append(ch);
                break;
        }
    }

    private static bool IsSpace(char ch) => char.IsWhiteSpace(ch);

    // Zero-width characters, the BOM, the soft hyphen inside a line, and C0/C1 controls.
    private static bool IsInvisible(char ch) =>
        ch is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' || char.IsControl(ch);
}
