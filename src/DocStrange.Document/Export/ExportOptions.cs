namespace DocStrange.Document.Export;

/// <summary>How an exporter writes a document.</summary>
public sealed record ExportOptions
{
    /// <summary>The defaults: page headers and footers left out, every table.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>Write page headers, footers and page numbers (Markdown, HTML, text). JSON always keeps them.</summary>
    public bool IncludePageFurniture { get; init; }

    /// <summary>For Markdown: how a spanned cell is written; HTML always uses <c>colspan</c>/<c>rowspan</c>, CSV and text write it once.</summary>
    public TableSpans TableSpans { get; init; } = TableSpans.Once;

    /// <summary>For CSV: the 0-based index of the one table to write; null writes every table, separated by a blank line.</summary>
    public int? TableIndex { get; init; }

    /// <summary>
    /// Mark where each page starts: <c>&lt;!-- page N --&gt;</c> in Markdown, a line <c>--- page N ---</c> in text,
    /// <c>&lt;hr class="page-break" data-page="N"&gt;</c> in HTML. JSON always lists each page's blocks.
    /// </summary>
    public bool PageBreaks { get; init; }

    /// <summary>How pictures are written: left out, a placeholder (the default), inline data URIs, or links to image files.</summary>
    public ImageMode Images { get; init; } = ImageMode.Placeholder;

    /// <summary>The default of <see cref="ChunkTokens"/>.</summary>
    public const int DefaultChunkTokens = 512;

    /// <summary>For chunks: the most cl100k_base tokens in one chunk.</summary>
    public int ChunkTokens { get; init; } = DefaultChunkTokens;

    /// <summary>For chunks: how many tokens of a chunk's end the next chunk of the same section starts with again; 0 for none.</summary>
    public int ChunkOverlap { get; init; }
}
