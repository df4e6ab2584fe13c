using DocStrange.Document.Errors;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Pages;
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
    /// <summary>A page's blocks, and the warning when its layout fell back to the engine's reading order.</summary>
    public sealed record Result(IReadOnlyList<Block> Blocks, DocumentWarning? Warning)
    {
        /// <summary>Whether the page was not laid out in full (<see cref="PageLayout.FellBack"/>).</summary>
        public bool FellBack => Warning is not null;
    }

    /// <summary>
    /// The blocks of page <paramref name="pageNumber"/> (<paramref name="pageWidth"/> by
    /// <paramref name="pageHeight"/> points); <paramref name="toPage"/> maps the image onto the page.
    /// A layout that would lose or double a word falls back as a text layer's does; one not done within
    /// <paramref name="budget"/> (a page of thousands of specks read as words) gives the words in the
    /// engine's reading order. Either way the page keeps every word, with a warning.
    /// </summary>
    public static Result Build(OcrPage page, PixelToPage toPage, double pageWidth, double pageHeight, int pageNumber,
        PageBlockBuilder builder, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        var content = OcrPageContent.Of(page, toPage, pageWidth, pageHeight, pageNumber);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget <= TimeSpan.Zero) deadline.Cancel();
        else deadline.CancelAfter(budget);
        PageLayout layout;
        DocumentWarning? warning = null;
        try
        {
            layout = PageAnalyzer.Default.Analyze(content.Content, deadline.Token);
            if (layout.FellBack) warning = PageWordCheck.FallbackWarning(pageNumber);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            layout = PageAnalyzer.InSourceOrder(content.Content);
            warning = new DocumentWarning(ErrorCode.ProcessingError,
                $"page {pageNumber}: the layout was not done within the page's time budget ({budget.TotalSeconds:0.#} s), so the page is given in the order the text was recognised", pageNumber);
        }
        return new Result(content.ToDisplay(builder.Build(layout)), warning);
    }
}
