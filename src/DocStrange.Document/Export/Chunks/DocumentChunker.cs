using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Cuts a document into chunks that follow its structure: each title or heading opens a section (with its
/// heading path), a section's content fills chunks up to <see cref="ExportOptions.ChunkTokens"/> tokens, and
/// what is larger than a chunk is cut along its own structure (see <see cref="PieceSplitter"/>).
/// </summary>
internal static class DocumentChunker
{
    public static IReadOnlyList<Chunk> Chunk(DocumentModel document, ExportOptions options)
    {
        var packer = new ChunkPacker(options.ChunkTokens, options.ChunkOverlap);
        var headings = new List<(int Level, string Text)>();
        foreach (var step in ChunkSource.Walk(document, options))
        {
            if (step.Heading is { } heading)
            {
                // Headings in a row stay with the content that follows them.
                if (packer.HasBody) packer.EndSection();
                headings.RemoveAll(h => h.Level >= step.HeadingLevel);
                headings.Add((step.HeadingLevel, heading));
                packer.SetHeadingPath([.. headings.Select(h => h.Text)]);
            }
            packer.Add(step.Piece, isHeading: step.Heading is not null);
        }
        return packer.Finish();
    }
}
