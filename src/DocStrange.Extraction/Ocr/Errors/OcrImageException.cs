namespace DocStrange.Extraction.Ocr.Errors;

/// <summary>An image that cannot be decoded or processed for OCR; the reader turns it into a page warning or <c>UNREADABLE_DOCUMENT</c>.</summary>
public sealed class OcrImageException(string message, Exception? inner = null) : Exception(message, inner);
