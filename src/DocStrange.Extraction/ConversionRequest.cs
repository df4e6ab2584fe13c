using DocStrange.Document.Files;

namespace DocStrange.Extraction;

/// <summary>One file to convert: its name (for metadata only, never a path), its kind, options, and where to report progress.</summary>
public sealed record ConversionRequest(string FileName, FileKind Kind, ConversionOptions Options)
{
    /// <summary>Receives progress after each page; may be null.</summary>
    public IProgress<ConversionProgress>? Progress { get; init; }

    /// <summary>The LLM that fills fields (<see cref="ConversionOptions.ExtractMode"/>); null where none is configured.</summary>
    public Fields.Llm.ILlmFieldSource? Llm { get; init; }
}
