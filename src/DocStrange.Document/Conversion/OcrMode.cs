namespace DocStrange.Document.Conversion;

/// <summary>When to run OCR on a page: only where the text layer is missing or unusable, always, or never.</summary>
public enum OcrMode
{
    Auto,
    Always,
    Never,
}
