using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout;

/// <summary>How a word's font is set: the traits headings, emphasis and code are told by.</summary>
[Flags]
public enum FontTraits
{
    /// <summary>A regular face.</summary>
    None = 0,

    /// <summary>A bold (or black, heavy) face.</summary>
    Bold = 1,

    /// <summary>An italic or oblique face.</summary>
    Italic = 2,

    /// <summary>A fixed-pitch face, as code is set in.</summary>
    Monospace = 4,
}

/// <summary>
/// One word as a layout source gives it (a PDF text layer, OCR): its text in reading order, its box
/// (points, top-left origin), its baseline's distance from the top of the page, its font size and
/// traits. Words that do not run left to right (a label turned sideways) are not upright.
/// </summary>
public sealed record LayoutWord(string Text, BoundingBox Box, double Baseline, double FontSize, FontTraits Traits = FontTraits.None)
{
    /// <summary>How far the word's baseline is turned counterclockwise, in degrees: 0 for text running left to right, 90 for text reading upwards, 270 downwards, 180 upside down.</summary>
    public int Rotation { get; init; }

    /// <summary>Whether the word runs left to right (false for text turned sideways on an upright page).</summary>
    public bool IsUpright => Rotation == 0;

    /// <summary>Where the word comes in the source's own order (a PDF's content stream, an OCR engine's output); 0 when unknown.</summary>
    public int Sequence { get; init; }

    /// <summary>Which of the source's own paragraphs the word belongs to, where the source groups its text so (an OCR engine does); 0 when unknown.</summary>
    public int Paragraph { get; init; }

    /// <summary>Recognition confidence in [0, 1] for OCR'd words; null for text read from the file.</summary>
    public double? Confidence { get; init; }

    /// <summary>Whether the word is set in a bold face.</summary>
    public bool Bold => (Traits & FontTraits.Bold) != 0;

    /// <summary>Whether the word is set in an italic face.</summary>
    public bool Italic => (Traits & FontTraits.Italic) != 0;

    /// <summary>Whether the word is set in a fixed-pitch face.</summary>
    public bool Monospace => (Traits & FontTraits.Monospace) != 0;

    /// <summary>The horizontal centre of the box.</summary>
    public double CenterX => (Box.Left + Box.Right) / 2;

    /// <summary>The vertical centre of the box.</summary>
    public double CenterY => (Box.Top + Box.Bottom) / 2;
}
