using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// One line of text as a layout source sees it (a PDF text layer today, OCR later): its words joined
/// by spaces, its box (points, top-left origin), its dominant font size and whether it is set wholly
/// in bold or wholly in italics (a line with a bold lead-in is neither).
/// </summary>
public sealed record LayoutLine(string Text, BoundingBox Box, double FontSize, bool Bold, bool Italic = false);

/// <summary>A group of lines a page segmenter found to belong together, in reading order.</summary>
public sealed record LayoutBlock(IReadOnlyList<LayoutLine> Lines)
{
    /// <summary>The smallest box holding every line.</summary>
    public BoundingBox Box => Lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
}
