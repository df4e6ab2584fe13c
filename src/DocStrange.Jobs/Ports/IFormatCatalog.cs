using DocStrange.Document.Files;

namespace DocStrange.Jobs.Ports;

/// <summary>The input kinds the workers behind this API can convert, so a submit is refused at once rather than failing later.</summary>
public interface IFormatCatalog
{
    /// <summary>The kinds that can be converted now.</summary>
    IReadOnlyCollection<FileKind> InputKinds { get; }

    /// <summary>The OCR languages installed for the workers (Tesseract names such as <c>eng</c>); empty when unknown or none.</summary>
    IReadOnlyCollection<string> OcrLanguages => [];

    /// <summary>The OCR engines of the workers, and for PaddleOCR the execution provider it runs on; empty when unknown.</summary>
    IReadOnlyCollection<OcrEngineStatus> OcrEngines => [];
}
