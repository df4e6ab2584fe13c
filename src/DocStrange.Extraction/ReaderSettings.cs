namespace DocStrange.Extraction;

/// <summary>How the built-in readers are set up: where LibreOffice is and how long it may take, and the OCR engine.</summary>
public sealed record ReaderSettings
{
    /// <summary>The defaults: LibreOffice found on <c>PATH</c>, two minutes per conversion.</summary>
    public static ReaderSettings Default { get; } = new();

    /// <summary>The <c>soffice</c> executable; null searches <c>PATH</c>. A path that does not exist means LibreOffice is not installed.</summary>
    public string? SofficePath { get; init; }

    /// <summary>How long one LibreOffice conversion may run before it is killed.</summary>
    public TimeSpan LibreOfficeTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The OCR engine for images and PDF pages without a usable text layer, whatever a request asks for; null for the process-wide Tesseract and PaddleOCR engines, chosen per request.</summary>
    public Ocr.IOcrEngine? Ocr { get; init; }

    /// <summary>How the PaddleOCR engine chosen per request runs (its execution provider, say); null for the process-wide engine with its defaults. Unused with <see cref="Ocr"/>.</summary>
    public Ocr.Paddle.PaddleOcrOptions? Paddle { get; init; }
}
