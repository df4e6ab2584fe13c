using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Contracts;

/// <summary>
/// One OCR engine of the workers (<c>tesseract</c>, <c>paddle</c>): whether it reads, the ONNX Runtime
/// execution provider PaddleOCR runs on (<c>cpu</c> or <c>cuda</c>; null for Tesseract and for an engine
/// that does not read), and why it does not read, or why PaddleOCR runs on the CPU where <c>auto</c> tried CUDA.
/// </summary>
public sealed record OcrEngineView(string Name, bool Available, string? ExecutionProvider, string? Reason)
{
    /// <summary>The views of the engines a format catalog knows.</summary>
    public static IReadOnlyList<OcrEngineView> Of(IFormatCatalog formats) =>
        [.. formats.OcrEngines.Select(e => new OcrEngineView(e.Name, e.Available, e.ExecutionProvider, e.Reason))];
}
