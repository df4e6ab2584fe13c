namespace DocStrange.Extraction.Ocr.Errors;

/// <summary>The OCR engine is missing, cannot load a language, or failed on a page; it becomes that page's <c>OCR_FAILED</c> warning.</summary>
public sealed class OcrEngineException(string message, Exception? inner = null) : Exception(message, inner);
