using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Text;
using Markdig;

namespace DocStrange.Extraction.Formats.Markdown;

/// <summary>
/// Markdown (CommonMark with pipe tables, strikethrough and YAML front matter) through Markdig's
/// syntax tree, never through HTML. The encoding comes from a byte-order mark, else UTF-8, else Latin-1.
/// Nesting is bounded before parsing (<see cref="MarkdownNesting"/>).
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    // Lines are held to ReaderLimits.MaxMarkdownNestingDepth containers before parsing; a list level is two
    // blocks in Markdig's tree (list and item), so its own depth check is set above what that allows.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder
        {
            MaximumNestingDepth = 4 * ReaderLimits.MaxMarkdownNestingDepth,
        }
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
        text = MarkdownNesting.Limit(text, ReaderLimits.MaxMarkdownNestingDepth);
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
