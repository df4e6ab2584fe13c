namespace DocStrange.Extraction.Ocr;

/// <summary>How the Tesseract engine runs; the defaults suit a worker that owns the machine's cores.</summary>
public sealed record TesseractOptions
{
    /// <summary>The folder holding <c>*.traineddata</c>; null for Tesseract's own (Debian: <c>/usr/share/tesseract-ocr/5/tessdata</c>).</summary>
    public string? DataPath { get; init; }

    /// <summary>Pages recognised at once across the process: one engine, one thread each.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest one page's recognition may take before it is that page's <c>OCR_FAILED</c>.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
