using DocStrange.Document.Files;

namespace DocStrange.Document.Model;

/// <summary>Facts about the source file.</summary>
public sealed record DocumentMetadata
{
    /// <summary>The file name as the caller gave it (never used as a path).</summary>
    public required string FileName { get; init; }

    /// <summary>The kind of file that was read.</summary>
    public required FileKind FileKind { get; init; }

    /// <summary>The document's own title when the file states one.</summary>
    public string? Title { get; init; }

    /// <summary>Pages in the source, whether or not all were converted.</summary>
    public int PageCount { get; init; }

    /// <summary>The mean recognition confidence in [0, 1] over the OCR'd words (weighted by length); null when nothing was OCR'd.</summary>
    public double? OcrConfidence { get; init; }
}
