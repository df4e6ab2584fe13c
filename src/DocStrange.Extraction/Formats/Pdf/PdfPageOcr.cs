using DocStrange.Extraction.Layout.Roles;
using DocStrange.Document.Conversion;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Image;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Ocr;
using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The OCR side of the PDF reader. While the pages are parsed, <see cref="TryClaim"/> takes the
/// pages whose text layer is missing or unusable (<see cref="PdfTextLayerCheck"/>) and notes how
/// to image each (<see cref="PdfPageImage"/>); afterwards <see cref="CompleteAsync"/> recognises
/// them side by side and puts their blocks in page order among the others. A page whose OCR fails
/// keeps its place with an <c>OCR_FAILED</c> warning.
/// </summary>
internal sealed class PdfPageOcr(IOcrEngine engine, Stream input, ConversionRequest request) : IDisposable
{
    private readonly List<PdfPageImage> _pages = [];
    private readonly PdfFileSpool _spool = new(input);

    /// <summary>The OCR hook for a conversion, or null when <c>ocr=never</c>.</summary>
    public static PdfPageOcr? For(IOcrEngine? engine, Stream input, ConversionRequest request) =>
        engine is null || request.Options.Ocr == OcrMode.Never ? null : new PdfPageOcr(engine, input, request);

    /// <summary>Takes page <paramref name="number"/> for OCR when it needs it; the caller then leaves its text layer alone.</summary>
    public bool TryClaim(Page page, IReadOnlyList<Letter> letters, int number)
    {
        if (!PdfTextLayerCheck.NeedsOcr(page, letters, request.Options.Ocr)) return false;
        _pages.Add(PdfPageImage.Of(page, number, request.Options.MaxImagePixels));
        return true;
    }

    /// <summary>The document with the claimed pages recognised and their blocks in place.</summary>
    public async Task<DocumentModel> CompleteAsync(DocumentModel document, CancellationToken cancellationToken)
    {
        if (_pages.Count == 0) return document;
        OcrLanguageNames.Validate(request.Options.Languages, engine.InstalledLanguages);
        var byNumber = _pages.ToDictionary(p => p.PageNumber);
        var outcomes = await OcrPageRunner.RunAsync([.. _pages.Select(p => p.PageNumber)],
            (number, ct) => LoadAsync(byNumber[number], ct), engine, request.Options.Languages, request.Progress, cancellationToken);

        var builder = new PageBlockBuilder();
        var blocks = document.Blocks.ToList();
        var warnings = document.Warnings.ToList();
        var failed = new HashSet<int>();
        var fellBackPages = new HashSet<int>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Code is { } code)
            {
                warnings.Add(new DocumentWarning(code, outcome.Message ?? "", outcome.PageNumber));
                failed.Add(outcome.PageNumber);
                continue;
            }
            var image = byNumber[outcome.PageNumber];
            var (pageBlocks, warning) = OcrBlocks.Build(outcome.Page!, ToPage(image, outcome.Page!), image.PageWidth, image.PageHeight, outcome.PageNumber,
                builder, request.Options.PageTimeout, cancellationToken);
            if (warning is not null)
            {
                fellBackPages.Add(outcome.PageNumber);
                warnings.Add(warning);
            }
            var at = blocks.FindIndex(b => b.Provenance?.Page > outcome.PageNumber);
            blocks.InsertRange(at < 0 ? blocks.Count : at, pageBlocks);
        }
        return document with
        {
            Pages = [.. document.Pages.Select(p => byNumber.ContainsKey(p.Number) ? p with { Ocr = !failed.Contains(p.Number), LayoutFallback = fellBackPages.Contains(p.Number) } : p)],
            Blocks = blocks,
            Warnings = [.. warnings.OrderBy(w => w.Page ?? 0)],
            Metadata = document.Metadata with { OcrConfidence = OcrConfidence.Mean(outcomes.Where(o => o.Code is null).Select(o => o.Page!)) },
        };
    }

    private async Task<OcrImage> LoadAsync(PdfPageImage page, CancellationToken cancellationToken)
    {
        if (page.Stored is { } stored)
        {
            var image = ImageDecoding.Decode(stored, FileKind.Jpeg, 0, request.Options.MaxImagePixels, request.FileName, page.Orientation);
            return image.Resolution == page.Resolution ? image : image.WithResolution(page.Resolution);
        }
        var path = await _spool.PathAsync(cancellationToken);
        return await Pdftoppm.RenderAsync(path, page.PageNumber, RenderResolution(page), request.Options.Password, TimeSpan.FromMinutes(2), cancellationToken);
    }

    // The resolution asked for, lowered when the page is so large that it would pass the pixel limit.
    private int RenderResolution(PdfPageImage page)
    {
        var squareInches = page.PageWidth / 72 * (page.PageHeight / 72);
        var most = squareInches > 0 ? Math.Sqrt(request.Options.MaxImagePixels / squareInches) : page.Resolution;
        return (int)Math.Max(1, Math.Min(page.Resolution, Math.Floor(most)));
    }

    // Image pixels onto the displayed page: a stored image onto where it is placed, a rendering onto the whole page.
    private static PixelToPage ToPage(PdfPageImage image, OcrPage page)
    {
        if (image.Stored is null) return new PixelToPage(72.0 / image.Resolution, 72.0 / image.Resolution, 0, 0);
        var box = image.Placement;
        return new PixelToPage(box.Width / page.Width, box.Height / page.Height, box.Left, box.Top);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _spool.Dispose();
    }
}
