using DocStrange.Document.Errors;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Pages;
using DocStrange.Extraction.Layout.Roles;
using UglyToad.PdfPig;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Reads one page: its size and rotation, its blocks, and the warning when it cannot be parsed or
/// has no text layer. Never throws for a broken page; the caller decides what a document of broken
/// pages is. Only this page's objects are alive while it runs. The flow is: PdfPig page ->
/// <see cref="PdfPageContent"/> (words, rulings, pictures) -> <see cref="PageAnalyzer"/> (layout
/// analysis) -> <see cref="PageBlockBuilder"/> (roles). A page without a usable text layer is
/// claimed for OCR (<see cref="PdfPageOcr"/>), whose recognised words take the same route
/// (<see cref="Ocr.OcrBlocks"/>).
/// </summary>
internal static class PdfPageReading
{
    /// <summary>One page's outcome: its facts (null when it could not be parsed), its blocks, and a warning.</summary>
    public sealed record Result(PageInfo? Info, IReadOnlyList<Block> Blocks, DocumentWarning? Warning);

    /// <summary>
    /// Reads page <paramref name="number"/> of the document; the builder carries what is learnt across
    /// pages. A page not done within <paramref name="budget"/> is skipped with a warning.
    /// </summary>
    public static Result Read(PdfDocument document, int number, PageBlockBuilder builder, TimeSpan budget, PdfPageOcr? ocr,
        bool withImages, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A timer of zero fires on another thread a moment later: no time at all is spent at once.
        if (budget <= TimeSpan.Zero) deadline.Cancel();
        else deadline.CancelAfter(budget);
        try
        {
            var page = document.GetPage(number);
            var info = new PageInfo(number, Math.Round(page.Width, 2), Math.Round(page.Height, 2), page.Rotation.Value);
            var letters = PdfVisibleLetters.Of(page, page.Letters);
            // OCR hook: a page taken for OCR gets its blocks when the OCR'd pages are done.
            if (ocr?.TryClaim(page, letters, number) == true) return new Result(info, [], null);
            if (!letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var warning = page.GetImages().Any()
                    ? new DocumentWarning(ErrorCode.OcrFailed, $"page {number} has no text layer and OCR is off (ocr=never)", number)
                    : null;
                return new Result(info, [], warning);
            }
            // PdfPig's parse cannot be interrupted: the budget is checked after it, and inside layout analysis.
            deadline.Token.ThrowIfCancellationRequested();
            var (content, orientation) = PdfPageContent.Read(page, letters, number, document.Structure.TokenScanner);
            deadline.Token.ThrowIfCancellationRequested();
            var layout = PageAnalyzer.Default.Analyze(content, deadline.Token);
            var blocks = builder.Build(layout);
            // The stored images are read while the page is open; pictures without one are rendered after.
            if (withImages) blocks = PdfPictureImages.Attach(page, orientation, blocks);
            var fallback = layout.FellBack ? PageWordCheck.FallbackWarning(number) : null;
            return new Result(info with { LayoutFallback = layout.FellBack },
                orientation.IsUpright ? blocks : blocks.Select(b => ToDisplay(b, orientation)).ToList(), fallback);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Result(null, [], new DocumentWarning(ErrorCode.ProcessingError,
                $"page {number} was not done within its time budget ({budget.TotalSeconds:0.#} s) and was skipped", number));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return new Result(null, [], new DocumentWarning(ErrorCode.UnreadableDocument,
                $"page {number} could not be read and was skipped", number));
        }
    }

    private static Block ToDisplay(Block block, PdfPageOrientation orientation)
    {
        if (block.Provenance?.Box is not { } box) return block;
        var b = orientation.ToDisplayBox(box);
        return block with { Provenance = block.Provenance with { Box = new BoundingBox(Math.Round(b.Left, 2), Math.Round(b.Top, 2), Math.Round(b.Right, 2), Math.Round(b.Bottom, 2)) } };
    }
}
