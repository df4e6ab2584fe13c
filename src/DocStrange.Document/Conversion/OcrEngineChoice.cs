namespace DocStrange.Document.Conversion;

/// <summary>
/// Which OCR engine reads page images: <c>auto</c> (Tesseract, and PaddleOCR on pages Tesseract reads
/// with low confidence, keeping the better reading; PaddleOCR on the gpu pool), Tesseract only, or
/// PaddleOCR (PP-OCRv4) only.
/// </summary>
public enum OcrEngineChoice
{
    Auto,
    Tesseract,
    Paddle,
}
