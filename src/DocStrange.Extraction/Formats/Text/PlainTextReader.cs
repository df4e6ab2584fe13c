using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Formats.Text;

/// <summary>Plain text: paragraphs are runs of lines separated by blank lines; the encoding is detected from a byte-order mark, else UTF-8.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Text];

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count == 0) return;
            blocks.Add(new Block { Role = BlockRole.Paragraph, Text = string.Join(' ', paragraph), Provenance = new Provenance(1) });
            paragraph.Clear();
        }
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) Flush();
            else paragraph.Add(trimmed);
        }
        Flush();
        request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, 1, 1));
        return new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, PageCount = 1 },
            Pages = [new PageInfo(1)],
            Blocks = blocks,
        };
    }
}
