namespace DocStrange.Document.Model;

/// <summary>
/// The one model every reader produces and every exporter reads: the source's pages and its blocks in
/// reading order, each with provenance, plus the warnings of a partial success.
/// </summary>
public sealed record DocumentModel
{
    /// <summary>Facts about the source file.</summary>
    public required DocumentMetadata Metadata { get; init; }

    /// <summary>The converted pages, in order.</summary>
    public IReadOnlyList<PageInfo> Pages { get; init; } = [];

    /// <summary>The content in reading order.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];

    /// <summary>Problems that did not fail the document (a broken page, an unreadable part).</summary>
    public IReadOnlyList<DocumentWarning> Warnings { get; init; } = [];

    /// <summary>The fields the caller asked for, read from this model after conversion; null when none were asked.</summary>
    public Fields.ExtractedFields? Extracted { get; init; }

    /// <summary>The table blocks in reading order.</summary>
    public IEnumerable<Table> Tables => Blocks.Where(b => b.Table is not null).Select(b => b.Table!);
}
