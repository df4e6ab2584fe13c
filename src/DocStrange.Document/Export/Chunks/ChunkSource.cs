using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>One step of a document's walk for chunking: a heading that opens a section, or a piece of its content.</summary>
internal readonly record struct ChunkStep(ChunkPiece Piece, string? Heading = null, int HeadingLevel = 0);

/// <summary>
/// Walks a document's blocks in reading order as the Markdown export writes them (page furniture and
/// pictures left out), as pieces of Markdown: one per block, except that a run of list items is one piece
/// so that a list is kept together. Each piece is the Markdown exporter's own output for its blocks.
/// </summary>
internal static class ChunkSource
{
    public static IEnumerable<ChunkStep> Walk(DocumentModel document, ExportOptions options)
    {
        var markdown = options with { PageBreaks = false };
        var blocks = document.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!Writes(block, options)) continue;
            if (block.Role == BlockRole.ListItem)
            {
                var run = new List<int> { i };
                while (i + 1 < blocks.Count && (blocks[i + 1].Role == BlockRole.ListItem || !Writes(blocks[i + 1], options)))
                {
                    i++;
                    if (Writes(blocks[i], options)) run.Add(i);
                }
                yield return new ChunkStep(new ChunkPiece(Render(document, run, markdown), PieceKind.List, run));
                continue;
            }
            var kind = block.Role == BlockRole.Table ? PieceKind.Table : PieceKind.Block;
            var piece = new ChunkPiece(Render(document, [i], markdown), kind, [i]);
            yield return block.Role is BlockRole.Title or BlockRole.Heading
                ? new ChunkStep(piece, PlainText.OneLine(block.Text), block.Role == BlockRole.Title ? 0 : block.Level)
                : new ChunkStep(piece);
        }
    }

    private static bool Writes(Block block, ExportOptions options) =>
        block.Role != BlockRole.Picture && PlainText.HasContent(block)
        && (options.IncludePageFurniture || !BlockFilter.IsPageFurniture(block.Role));

    private static string Render(DocumentModel document, List<int> indices, ExportOptions options) =>
        DocumentExporters.ExportToString(document with { Blocks = [.. indices.Select(i => document.Blocks[i])] }, OutputFormat.Markdown, options).TrimEnd('\n');
}
