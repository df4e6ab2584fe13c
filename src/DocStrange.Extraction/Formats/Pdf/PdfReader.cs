using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.DocumentWide;
using DocStrange.Extraction.Layout.Roles;
using DocStrange.Extraction.Ocr;
using UglyToad.PdfPig;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Born-digital PDF through PdfPig, one page at a time: only the blocks produced are kept between
/// pages. A page that fails to parse becomes a warning; a document no page of which can be read is
/// <c>UNREADABLE_DOCUMENT</c>. Pages without a usable text layer go to OCR (<see cref="PdfPageOcr"/>)
/// unless <c>ocr=never</c> or no engine is given.
/// </summary>
public sealed class PdfReader(OcrEngines? ocr = null) : IDocumentReader
{
    /// <summary>A reader whose pages without text <paramref name="engine"/> reads, whatever engine a request asks for.</summary>
    public PdfReader(IOcrEngine engine) : this(OcrEngines.Only(engine))
    {
    }

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Pdf];

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        using var pageOcr = PdfPageOcr.For(ocr?.For(request.Options.OcrEngine), input, request);
        var document = await Task.Run(() => Read(input, request, pageOcr, cancellationToken), cancellationToken);
        if (pageOcr is not null) document = await pageOcr.CompleteAsync(document, cancellationToken);
        document = await PdfPictureCrops.RenderAsync(document, input, request, cancellationToken);
        // Running heads and page numbers are marked once every page is in, OCR'd pages with the others.
        return document with { Blocks = PageFurniture.Mark(document.Blocks, document.Pages) };
    }

    private static DocumentModel Read(Stream input, ConversionRequest request, PdfPageOcr? pageOcr, CancellationToken cancellationToken)
    {
        var options = request.Options;
        using var source = new PdfPageSource(input, options.Password, request.FileName);
        var document = source.Document;
        var pageCount = document.NumberOfPages;
        var title = TitleOf(document);
        if (pageCount == 0)
        {
            throw new DocStrangeException(ErrorCode.UnreadableDocument, "The PDF has no pages.", PdfOpening.Details(request.FileName));
        }
        CheckPageLimits(pageCount, request);

        var total = options.Pages.CountIn(pageCount);
        var builder = new PageBlockBuilder();
        var pages = new List<PageInfo>();
        var blocks = new List<Block>();
        var warnings = new List<DocumentWarning>();
        var done = 0;
        var unsafePages = UnsafePages(document);
        source.Budget.ThrowIfRefused();
        for (var number = 1; number <= pageCount; number++)
        {
            if (!options.Pages.Contains(number)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            if (unsafePages.Contains(number))
            {
                warnings.Add(new DocumentWarning(ErrorCode.UnreadableDocument,
                    $"page {number} draws a form that contains itself (or nests forms over {PdfFormNesting.MaxDepth} deep) and was skipped", number));
                request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, ++done, total));
                continue;
            }
            var page = PdfPageReading.Read(source.ForNextPage(), number, builder, options.PageTimeout, pageOcr, options.WantsImages, cancellationToken);
            // A stream past the inflation budget fails the document, even where PdfPig took it for a broken page or font.
            source.Budget.ThrowIfRefused();
            if (page.Info is { } info) pages.Add(info);
            blocks.AddRange(page.Blocks);
            if (page.Warning is { } warning) warnings.Add(warning);
            request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, ++done, total));
        }

        if (pages.Count == 0 && warnings.Count > 0 && warnings.All(w => w.Code == ErrorCode.ProcessingError))
        {
            throw new DocStrangeException(ErrorCode.ProcessingError,
                $"No page of the PDF was done within its time budget ({options.PageTimeout.TotalSeconds:0.#} s).", PdfOpening.Details(request.FileName));
        }
        if (pages.Count == 0)
        {
            throw new DocStrangeException(ErrorCode.UnreadableDocument,
                "No page of the PDF could be read: it is damaged.", PdfOpening.Details(request.FileName));
        }
        return new DocumentModel
        {
            Metadata = new DocumentMetadata
            {
                FileName = request.FileName,
                FileKind = request.Kind,
                Title = title,
                PageCount = pageCount,
            },
            Pages = pages,
            Blocks = blocks,
            Warnings = warnings,
        };
    }

    private static void CheckPageLimits(int pageCount, ConversionRequest request)
    {
        var options = request.Options;
        if (options.Pages.CountIn(pageCount) == 0)
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest,
                $"'pages' selects none of the document's {pageCount} pages.",
                new Dictionary<string, object?> { ["field"] = "pages", ["value"] = options.Pages.Text, ["pages"] = pageCount });
        }
        PageLimit.Check(pageCount, "pages", request);
    }

    private static IReadOnlySet<int> UnsafePages(PdfDocument document)
    {
        try
        {
            return PdfFormNesting.UnsafePages(document);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Objects too broken to walk are met again when their page is parsed, and cost that page only.
            return new HashSet<int>();
        }
    }

    private static string? TitleOf(PdfDocument document)
    {
        try
        {
            var title = document.Information.Title;
            return string.IsNullOrWhiteSpace(title) ? null : TextCleanup.Normalize(title);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken info dictionary costs the title, not the document.
            return null;
        }
    }
}
