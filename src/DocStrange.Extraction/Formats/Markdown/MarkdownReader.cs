using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Text;
using Markdig;

namespace DocStrange.Extraction.Formats.Markdown;

/// <summary>
/// Markdown (CommonMark with pipe tables, strikethrough and YAML front matter) through Markdig's
/// syntax tree, never through HTML. The encoding comes from a byte-order mark, else UTF-8, else Latin-1.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseYamlFrontMatter()
        .Build();

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        var encoding = (await TextDecoding.SniffAsync(input, cancellationToken)).Encoding;
        using var reader = new StreamReader(input, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var blocks = MarkdownBlockWalker.Walk(Markdig.Markdown.Parse(text, Pipeline));
        request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, 1, 1));
        return new DocumentModel
        {
            Metadata = new DocumentMetadata
            {
                FileName = request.FileName,
                FileKind = request.Kind,
                Title = blocks.FirstOrDefault(b => b.Role == BlockRole.Title)?.Text,
                PageCount = 1,
            },
            Pages = [new PageInfo(1)],
            Blocks = blocks,
        };
    }
}
