using System.Text.Encodings.Web;
using System.Text.Json;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The <c>chunks</c> output (docs/chunks.md): the document cut into chunks for retrieval, as an indented JSON
/// array. Each chunk has its Markdown, heading path, page range, the boxes and indices of its blocks, and its
/// size in cl100k_base tokens, never more than <see cref="ExportOptions.ChunkTokens"/>.
/// </summary>
public sealed class ChunksExporter : IDocumentExporter
{
    private static readonly ChunkWireContext Context = new(new JsonSerializerOptions(ChunkWireContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Chunks;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        var chunks = DocumentChunker.Chunk(document, options);
        IReadOnlyList<WireChunk> wire = [.. chunks.Select((chunk, index) => ToWire(document, chunk, index))];
        writer.Write(JsonSerializer.Serialize(wire, Context.IReadOnlyListWireChunk));
        writer.Write('\n');
    }

    private static WireChunk ToWire(DocumentModel document, Chunk chunk, int index)
    {
        var provenances = chunk.Blocks.Select(i => document.Blocks[i].Provenance).OfType<Provenance>().ToList();
        var boxes = provenances
            .Where(p => p.Box is not null)
            .Select(p => new WirePageBox(p.Page, Box(p.Box!.Value)))
            .Distinct()
            .ToList();
        return new WireChunk(index, chunk.Text, chunk.HeadingPath,
            provenances.Count > 0 ? provenances.Min(p => p.Page) : null,
            provenances.Count > 0 ? provenances.Max(p => p.Page) : null,
            boxes, chunk.Blocks, chunk.Tokens);
    }

    private static WireBox Box(BoundingBox box) => new(Points(box.Left), Points(box.Top), Points(box.Right), Points(box.Bottom));

    private static double Points(double value) => double.IsFinite(value) ? Math.Round(value, 2) : 0;
}
