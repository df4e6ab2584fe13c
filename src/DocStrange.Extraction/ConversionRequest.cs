using DocStrange.Document.Files;

namespace DocStrange.Extraction;

/// <summary>One file to convert: its name (for metadata only, never a path), its kind, options, and where to report progress.</summary>
public sealed record ConversionRequest(string FileName, FileKind Kind, ConversionOptions Options)
{
    /// <summary>Receives progress after each page; may be null.</summary>
    public IProgress<ConversionProgress>? Progress { get; init; }
}
