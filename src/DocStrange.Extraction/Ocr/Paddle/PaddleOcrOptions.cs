namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>How the PaddleOCR engine runs; the defaults suit a worker that owns the machine's cores.</summary>
public sealed record PaddleOcrOptions
{
    /// <summary>The folder holding the PP-OCRv4 model files; null searches <c>DOCSTRANGE_PADDLE_MODELS</c>, then <c>.artifacts/models/paddleocr</c> above the program, then <c>/usr/share/docstrange/models/paddleocr</c>.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Pages recognised at once across the process.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The threads of each model's pool, shared by the pages in flight (ONNX Runtime's intra-op threads).</summary>
    public int ModelThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest side of the image the detector looks at, in pixels; larger pages are scaled down for detection only.</summary>
    public int DetectionMaxSide { get; init; } = 2048;
}
