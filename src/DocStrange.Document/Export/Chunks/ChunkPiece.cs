namespace DocStrange.Document.Export;

/// <summary>What a piece of a chunk is, which says how it is split when it is too large for one chunk.</summary>
internal enum PieceKind
{
    /// <summary>One block's Markdown: split into lines, then sentences, then words.</summary>
    Block,

    /// <summary>A run of list items: split into items, so a list stays whole when it fits.</summary>
    List,

    /// <summary>A table: split into rows, each part starting with the header row again.</summary>
    Table,

    /// <summary>One row of a table split by rows.</summary>
    TableRow,

    /// <summary>A line, sentence or word cut from a larger piece: split finer still.</summary>
    Part,
}

/// <summary>
/// A stretch of Markdown that goes into a chunk whole, with the indices (in the document's blocks) of the
/// blocks its words come from.
/// </summary>
internal sealed record ChunkPiece(string Text, PieceKind Kind, IReadOnlyList<int> Blocks)
{
    /// <summary>What joins it to the piece before it in the same chunk: a blank line between blocks, less within one.</summary>
    public string Separator { get; init; } = "\n\n";

    /// <summary>For a table row: the table's header and delimiter lines, written again when a chunk starts inside the table.</summary>
    public string? TableHeader { get; init; }
}
