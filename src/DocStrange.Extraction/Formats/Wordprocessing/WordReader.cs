using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;
using DocStrange.Extraction.Layout;
using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// DOCX (and DOCM, DOTX) through the Open XML SDK, after the container checks of <see cref="OfficeZip"/>:
/// page headers first, then the body in document order (<see cref="WordBodyWalker"/>), then the
/// referenced footnotes and endnotes, then page footers. Word has no fixed pages, so the document is one
/// page without geometry; the title comes from the document properties.
/// </summary>
public sealed class WordReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Docx];

    /// <inheritdoc />
    public Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        OfficeZip.Check(input, request);
        using var document = WordprocessingDocument.Open(input, false);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The package has no main document part.");
        var styles = new WordStyles(main);
        var context = new WordContext(main, styles, new WordNumbering(main, styles), cancellationToken)
        {
            WithImages = request.Options.WantsImages,
        };
        var body = main.Document?.Body is { } root ? new WordBodyWalker(context, main).Walk(root) : [];
        var notes = WordNotes.Notes(context).ToList();
        var (headers, footers) = WordNotes.Furniture(context);
        request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, 1, 1));
        var title = TextCleanup.Normalize(document.PackageProperties.Title ?? "");
        return Task.FromResult(new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, Title = title.Length > 0 ? title : null, PageCount = 1 },
            Pages = [new PageInfo(1)],
            Blocks = [.. headers, .. body, .. notes, .. footers],
        });
    }
}
