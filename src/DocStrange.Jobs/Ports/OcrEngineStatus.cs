namespace DocStrange.Jobs.Ports;

/// <summary>
/// One OCR engine of a worker (<c>tesseract</c>, <c>paddle</c>): whether it reads, on which ONNX Runtime
/// execution provider (<c>cpu</c>, <c>cuda</c>; null for an engine without one), and why it does not
/// read or why it runs on the CPU where CUDA was asked for.
/// </summary>
public sealed record OcrEngineStatus(string Name, bool Available, string? ExecutionProvider = null, string? Reason = null);
