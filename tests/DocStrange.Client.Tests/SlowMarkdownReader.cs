using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction;
using DocStrange.Extraction.Formats.Markdown;

namespace DocStrange.Client.Tests;

/// <summary>Reads Markdown like the built-in reader, but first spends a while on each of a few "pages", reporting progress.</summary>
internal sealed class SlowMarkdownReader(int pages = 4, int millisecondsPerPage = 300) : IDocumentReader
{
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        for (var page = 1; page <= pages; page++)
        {
            await Task.Delay(millisecondsPerPage, cancellationToken);
            request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, page, pages));
        }
        return await new MarkdownReader().ReadAsync(input, request, cancellationToken);
    }
}
