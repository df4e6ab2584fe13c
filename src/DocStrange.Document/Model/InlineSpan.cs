namespace DocStrange.Document.Model;

/// <summary>How a stretch of a block's text is marked: emphasis, struck-through text, code, a link, inline mathematics, or text raised or lowered off the baseline (an exponent, a footnote mark, the 2 of H₂O).</summary>
[Flags]
public enum InlineStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Code = 4,
    Link = 8,
    Math = 16,
    Strikethrough = 32,
    Superscript = 64,
    Subscript = 128,
}

/// <summary>
/// Formatting of the characters <c>[Start, Start + Length)</c> of a block's <see cref="Block.Text"/>.
/// A block's spans are in text order and do not overlap; text outside every span is plain. For a
/// <see cref="InlineStyle.Math"/> span the text is LaTeX; <see cref="Href"/> is the link target of a
/// <see cref="InlineStyle.Link"/> span.
/// </summary>
public sealed record InlineSpan(int Start, int Length, InlineStyle Style, string? Href = null);
