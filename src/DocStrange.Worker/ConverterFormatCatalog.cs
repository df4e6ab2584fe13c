using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs.Ports;

namespace DocStrange.Worker;

/// <summary>The embedded mode's format catalog: what this process's converter reads.</summary>
public sealed class ConverterFormatCatalog(DocumentConverter converter) : IFormatCatalog
{
    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> InputKinds { get; } = [.. converter.SupportedKinds.Order()];

    /// <inheritdoc />
    public IReadOnlyCollection<string> OcrLanguages { get; } = [.. converter.OcrLanguages];
}
