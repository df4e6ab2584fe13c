using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Regions;
using DocStrange.Extraction.Layout.Roles;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// An OCR'd page into document blocks by the same route as a PDF text layer: its recognised words
/// (<see cref="OcrPageContent"/>) go through <see cref="PageAnalyzer"/> (lines, tables drawn with
/// aligned columns or dot leaders, blocks, reading order) and <see cref="PageBlockBuilder"/> (roles,
/// running heads a single page gives away); repeated running heads and page numbers are marked
/// across pages afterwards, as on a text layer (<c>PageFurniture</c>). Each text or table block
/// carries its recognised words, at their boxes on the image, and their mean confidence.
/// </summary>
internal static class OcrBlocks
{
    /// <summary>
    /// The blocks of page <paramref name="pageNumber"/> (<paramref name="pageWidth"/> by
    /// <paramref name="pageHeight"/> points), and whether the layout fell back to plain reading order
    /// (<see cref="PageLayout.FellBack"/>); <paramref name="toPage"/> maps the image onto the page.
    /// </summary>
    public static (IReadOnlyList<Block> Blocks, bool FellBack) Build(OcrPage page, PixelToPage toPage, double pageWidth, double pageHeight, int pageNumber,
        PageBlockBuilder builder, CancellationToken cancellationToken = default)
    {
        var content = OcrPageContent.Of(page, toPage, pageWidth, pageHeight, pageNumber);
        var layout = PageAnalyzer.Default.Analyze(content.Content, cancellationToken);
        return (content.ToDisplay(builder.Build(layout)), layout.FellBack);
    }
}
