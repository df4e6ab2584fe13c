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

    /// <summary>The ONNX Runtime execution provider: <c>auto</c> (CUDA where its provider loads, else the CPU), <c>cpu</c> or <c>cuda</c> (refused when CUDA cannot be used); null reads <c>DocStrange__Ocr__Paddle__ExecutionProvider</c>, else auto.</summary>
    public string? ExecutionProvider { get; init; }

    /// <summary>The CUDA device the models run on; null reads <c>DocStrange__Ocr__Paddle__CudaDeviceId</c>, else 0.</summary>
    public int? CudaDeviceId { get; init; }
}
