namespace DocStrange.Client;

/// <summary>What a server offers (<c>GET /system</c>): formats, processing modes, limits and version.</summary>
public sealed record SystemInfo
{
    /// <summary>The server's version.</summary>
    public string Version { get; init; } = "";

    /// <summary>How it runs (<c>embedded</c>: API and workers in one process).</summary>
    public string Mode { get; init; } = "";

    /// <summary>Input types it converts now, and the output formats.</summary>
    public SystemFormats Formats { get; init; } = new();

    /// <summary>Live worker slots per processing pool (<c>cpu</c>, <c>gpu</c>).</summary>
    public IReadOnlyDictionary<string, ProcessingPool> ProcessingModes { get; init; } = new Dictionary<string, ProcessingPool>();

    /// <summary>The caller's limits.</summary>
    public SystemLimits Limits { get; init; } = new();

    /// <summary>The caller's tier: <c>free</c>, <c>api_key</c> or <c>enterprise</c>.</summary>
    public string? Tier { get; init; }

    /// <summary>The workers' OCR engines, and the execution provider PaddleOCR runs on; empty while no worker is live.</summary>
    public IReadOnlyList<OcrEngineInfo> OcrEngines { get; init; } = [];
}

/// <summary>One OCR engine of the workers: whether it reads, on which execution provider, or why not.</summary>
public sealed record OcrEngineInfo
{
    /// <summary>The engine (<c>tesseract</c>, <c>paddle</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether it reads.</summary>
    public bool Available { get; init; }

    /// <summary>The ONNX Runtime execution provider PaddleOCR runs on (<c>cpu</c>, <c>cuda</c>); null for Tesseract and for an engine that does not read.</summary>
    public string? ExecutionProvider { get; init; }

    /// <summary>Why it does not read, or why PaddleOCR runs on the CPU where CUDA was tried.</summary>
    public string? Reason { get; init; }
}

/// <summary>Input types (with their extensions) and output format names.</summary>
public sealed record SystemFormats
{
    /// <summary>Input types this server has a reader for.</summary>
    public IReadOnlyList<InputFormat> Input { get; init; } = [];

    /// <summary>Output format names (<c>markdown</c>, <c>json</c>, ...).</summary>
    public IReadOnlyList<string> Output { get; init; } = [];
}

/// <summary>One input type and the file extensions that select it.</summary>
public sealed record InputFormat
{
    /// <summary>The type's name (<c>text</c>, <c>pdf</c>, ...).</summary>
    public string Type { get; init; } = "";

    /// <summary>Its extensions, with the dot (<c>.txt</c>).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];
}

/// <summary>A processing pool and whether a worker of it is live.</summary>
public sealed record ProcessingPool
{
    /// <summary>Whether at least one worker slot is live.</summary>
    public bool Available { get; init; }

    /// <summary>Live worker slots.</summary>
    public int Workers { get; init; }
}

/// <summary>The caller's upload, page, wait, rate, quota and concurrency limits.</summary>
public sealed record SystemLimits
{
    /// <summary>The largest upload in bytes.</summary>
    public long MaxFileSize { get; init; }

    /// <summary>The most pages a document may have; null when unlimited.</summary>
    public int? MaxPages { get; init; }

    /// <summary>The longest <c>?wait</c> the server accepts, in seconds.</summary>
    public int MaxWaitSeconds { get; init; }

    /// <summary>Requests per minute; null when unlimited.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Documents per UTC day; null when unlimited.</summary>
    public int? DocumentsPerDay { get; init; }

    /// <summary>Documents per UTC calendar month; null when unlimited.</summary>
    public int? DocumentsPerMonth { get; init; }

    /// <summary>Jobs pending or processing at one time; null when unlimited.</summary>
    public int? ConcurrentJobs { get; init; }
}
