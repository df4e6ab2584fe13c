using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs.Ports;

namespace DocStrange.Worker;

/// <summary>The embedded mode's format catalog: what this process's converter reads, and with which OCR engines.</summary>
public sealed class ConverterFormatCatalog(DocumentConverter converter, PaddleOptions paddle) : IFormatCatalog
{
    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> InputKinds { get; } = [.. converter.SupportedKinds.Order()];

    /// <inheritdoc />
    public IReadOnlyCollection<string> OcrLanguages { get; } = [.. converter.OcrLanguages];

    /// <inheritdoc />
    public IReadOnlyCollection<OcrEngineStatus> OcrEngines { get; } = PaddleModelCheck.Engines(converter.OcrLanguages, paddle);
}
