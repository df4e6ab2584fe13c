using DocStrange.Extraction.Layout.Roles;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.DocumentWide;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Formats.Image;

/// <summary>
/// Scans and photos (PNG, JPEG, TIFF with every page, BMP, GIF, WebP) through OCR: each page decoded
/// by leptonica and recognised, pages side by side, then the same layout analysis as a PDF page
/// (<see cref="OcrBlocks"/>), running heads and page numbers repeated across pages included.
/// A page that cannot be decoded or recognised is a warning; a document with no page left fails
/// with that page's code (<c>UNREADABLE_DOCUMENT</c>, <c>FILE_TOO_LARGE</c>, <c>OCR_FAILED</c>).
/// With <c>ocr=never</c> the pages come without text, each with a warning.
/// </summary>
public sealed class ImageReader(OcrEngines engines) : IDocumentReader
{
    /// <summary>A reader whose pages <paramref name="engine"/> reads, whatever engine a request asks for.</summary>
    public ImageReader(IOcrEngine engine) : this(OcrEngines.Only(engine))
    {
    }

    /// <summary>Page size in points per pixel when the file states no resolution: one point per pixel.</summary>
    private const int UnknownResolution = 72;

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Png, FileKind.Jpeg, FileKind.Tiff, FileKind.Bmp, FileKind.Gif, FileKind.Webp];

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        var data = await ReadAllAsync(input, cancellationToken);
        var pageCount = request.Kind == FileKind.Tiff ? TiffPages.Count(data.Span) : 1;
        CheckPageLimits(pageCount, request);
        var numbers = Enumerable.Range(1, pageCount).Where(options.Pages.Contains).ToList();
        if (options.Ocr == OcrMode.Never) return WithoutOcr(data, numbers, pageCount, request);
        var engine = engines.For(options.OcrEngine);
        OcrLanguageNames.Validate(options.Languages, engine.InstalledLanguages);

        var outcomes = await OcrPageRunner.RunAsync(numbers,
            (number, _) => Task.FromResult(ImageDecoding.Decode(data, request.Kind, number - 1, options.MaxImagePixels, request.FileName)),
            engine, options.Languages, request.Progress, cancellationToken);

        var builder = new PageBlockBuilder();
        var pages = new List<PageInfo>();
        var blocks = new List<Block>();
        var warnings = new List<DocumentWarning>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Code is { } code) warnings.Add(new DocumentWarning(code, outcome.Message ?? "", outcome.PageNumber));
            if (outcome.Page is not { } page) continue;
            var pointsPerPixel = 72.0 / (outcome.Resolution >= 50 ? outcome.Resolution : UnknownResolution);
            var info = new PageInfo(outcome.PageNumber, Math.Round(page.Width * pointsPerPixel, 2), Math.Round(page.Height * pointsPerPixel, 2), 0, Ocr: outcome.Code is null);
            if (outcome.Code is null)
            {
                var laid = OcrBlocks.Build(page, new PixelToPage(pointsPerPixel, pointsPerPixel, 0, 0), info.Width, info.Height, outcome.PageNumber,
                    builder, options.PageTimeout, cancellationToken);
                blocks.AddRange(laid.Blocks);
                if (laid.Warning is { } warning)
                {
                    info = info with { LayoutFallback = true };
                    warnings.Add(warning);
                }
            }
            pages.Add(info);
        }
        if (outcomes.All(o => o.Code is not null)) throw DocumentFailure(outcomes, request);

        return new DocumentModel
        {
            Metadata = new DocumentMetadata
            {
                FileName = request.FileName,
                FileKind = request.Kind,
                PageCount = pageCount,
                OcrConfidence = OcrConfidence.Mean(outcomes.Where(o => o.Code is null).Select(o => o.Page!)),
            },
            Pages = pages,
            Blocks = PageFurniture.Mark(blocks, pages),
            Warnings = [.. warnings.OrderBy(w => w.Page ?? 0)],
        };
    }

    // ocr=never: the pages as their headers give them, no text, and a warning for each.
    private static DocumentModel WithoutOcr(ReadOnlyMemory<byte> data, List<int> numbers, int pageCount, ConversionRequest request)
    {
        var pages = new List<PageInfo>();
        foreach (var number in numbers)
        {
            if (ImageHeaders.Read(data.Span, request.Kind, number - 1) is not { } size) continue;
            var pointsPerPixel = 72.0 / (size.Resolution >= 50 ? size.Resolution : UnknownResolution);
            pages.Add(new PageInfo(number, Math.Round(size.Width * pointsPerPixel, 2), Math.Round(size.Height * pointsPerPixel, 2)));
        }
        return new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, PageCount = pageCount },
            Pages = pages,
            Warnings = [.. numbers.Select(n => new DocumentWarning(ErrorCode.OcrFailed, $"page {n} is an image and OCR is off (ocr=never)", n))],
        };
    }

    // Every page failed: the document fails with the first page's reason.
    private static DocStrangeException DocumentFailure(OcrPageRunner.Outcome[] outcomes, ConversionRequest request)
    {
        var first = outcomes[0];
        if (first.Error is { } error) return error;
        var details = new Dictionary<string, object?> { ["file_name"] = request.FileName, ["file_type"] = FileKinds.NameOf(request.Kind) };
        return first.Code == ErrorCode.OcrFailed
            ? new DocStrangeException(ErrorCode.OcrFailed, $"Text recognition failed: {first.Message}", details)
            : new DocStrangeException(ErrorCode.UnreadableDocument,
                $"The file could not be read as {FileKinds.NameOf(request.Kind).ToUpperInvariant()}: it is damaged or not what its name says.", details);
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

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
