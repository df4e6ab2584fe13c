using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.PowerPoint;

/// <summary>
/// PPTX (and PPTM, PPSX, POTX) after the container checks of <see cref="OfficeZip"/>: one page per
/// slide in presentation order, sized as the presentation's slides (points); hidden slides are converted
/// and flagged. Each slide's content comes from <see cref="SlideContent"/>; speaker notes only with
/// <see cref="ConversionOptions.IncludeNotes"/>.
/// </summary>
public sealed class PowerPointReader : IDocumentReader
{
    private const double EmuPerPoint = 12_700;

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Pptx];

    /// <inheritdoc />
    public Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        OfficeZip.Check(input, request);
        using var document = PresentationDocument.Open(input, false);
        var presentation = document.PresentationPart ?? throw new InvalidDataException("The package has no presentation part.");
        var slideIds = presentation.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>().ToList() ?? [];
        PageLimit.Check(slideIds.Count, "slides", request);
        var size = presentation.Presentation?.SlideSize;
        double width = (size?.Cx?.Value ?? 0) / EmuPerPoint, height = (size?.Cy?.Value ?? 0) / EmuPerPoint;
        var pages = new List<PageInfo>();
        var blocks = new List<Block>();
        var selected = request.Options.Pages.CountIn(slideIds.Count);
        for (var i = 0; i < slideIds.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = i + 1;
            if (!request.Options.Pages.Contains(number)) continue;
            if (slideIds[i].RelationshipId?.Value is not { } id || !presentation.TryGetPartById(id, out var part) || part is not SlidePart slide) continue;
            pages.Add(new PageInfo(number, width, height) { Hidden = slide.Slide?.Show?.Value == false });
            blocks.AddRange(SlideContent.Read(slide, number, request.Options.IncludeNotes, request.Options.WantsImages));
            request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, pages.Count, selected));
        }
        var title = Layout.TextCleanup.Normalize(document.PackageProperties.Title ?? "");
        return Task.FromResult(new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, Title = title.Length > 0 ? title : null, PageCount = slideIds.Count },
            Pages = pages,
            Blocks = blocks,
        });
    }
}
