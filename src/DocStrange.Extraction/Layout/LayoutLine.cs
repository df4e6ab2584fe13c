using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// One line of text as layout analysis sees it: its words joined by spaces in reading order, its box
/// (points, top-left origin), its dominant font size and whether it is set wholly in bold or wholly
/// in italics (a line with a bold lead-in is neither).
/// </summary>
public sealed record LayoutLine(string Text, BoundingBox Box, double FontSize, bool Bold, bool Italic = false)
{
    private readonly double? _baseline;

    /// <summary>The words of the line, left to right; empty when the line was made from text alone.</summary>
    public IReadOnlyList<LayoutWord> Words { get; init; } = [];

    /// <summary>Whether the line is set wholly in a fixed-pitch face.</summary>
    public bool Monospace { get; init; }

    /// <summary>The baseline's distance from the top of the page; the box's bottom unless given.</summary>
    public double Baseline { get => _baseline ?? Box.Bottom; init => _baseline = value; }
}

/// <summary>A group of lines that belong together (a paragraph, a heading, a list item), top to bottom.</summary>
public sealed record LayoutBlock(IReadOnlyList<LayoutLine> Lines)
{
    /// <summary>The smallest box holding every line.</summary>
    public BoundingBox Box => Lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
}
