using DocStrange.Document.Errors;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Reads one page: its size and rotation, its blocks, and the warning when it cannot be parsed or
/// has no text layer. Never throws for a broken page; the caller decides what a document of broken
/// pages is.
/// </summary>
internal static class PdfPageReading
{
    public sealed record Result(PageInfo? Info, IReadOnlyList<Block> Blocks, DocumentWarning? Warning);

    public static Result Read(PdfDocument document, int number, PageBlockBuilder builder, PdfPageOcr? ocr = null)
    {
        try
        {
            var page = document.GetPage(number);
            var info = new PageInfo(number, Math.Round(page.Width, 2), Math.Round(page.Height, 2), page.Rotation.Value);
            var letters = page.Letters;
            // OCR hook: a page taken for OCR gets its blocks when the OCR'd pages are done.
            if (ocr?.TryClaim(page, letters, number) == true) return new Result(info, [], null);
            if (!letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var warning = page.GetImages().Any()
                    ? new DocumentWarning(ErrorCode.OcrFailed, $"page {number} has no text layer and OCR is off (ocr=never)", number)
                    : null;
                return new Result(info, [], warning);
            }
            var blocks = builder.Build(PdfPageLayout.Read(page, letters), number);
            return new Result(info, blocks, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return new Result(null, [], new DocumentWarning(ErrorCode.UnreadableDocument,
                $"page {number} could not be read and was skipped", number));
        }
    }
}
