namespace DocStrange.Api.Contracts;

/// <summary>What this server offers (SPEC §2 <c>GET /system</c>).</summary>
public sealed record SystemView(
    string Version,
    string Mode,
    FormatsView Formats,
    IReadOnlyDictionary<string, PoolView> ProcessingModes,
    LimitsView Limits)
{
    /// <summary>The caller's tier (<c>free</c>, <c>api_key</c>, <c>enterprise</c>).</summary>
    public string? Tier { get; init; }

    /// <summary>
    /// The workers' OCR engines and, for PaddleOCR, the execution provider it runs on or why it is unavailable.
    /// In the distributed mode, as the live workers announce them: one entry per distinct status (PaddleOCR on
    /// CUDA in the gpu pool and on the CPU in the cpu pool are two); empty while no worker is live.
    /// </summary>
    public required IReadOnlyList<OcrEngineView> OcrEngines { get; init; }
}

/// <summary>Input kinds this server converts now (with their extensions), the output formats, and the installed OCR languages.</summary>
public sealed record FormatsView(IReadOnlyList<InputFormatView> Input, IReadOnlyList<string> Output, IReadOnlyList<string> OcrLanguages);

/// <summary>One input kind.</summary>
public sealed record InputFormatView(string Type, IReadOnlyList<string> Extensions);

/// <summary>A processing pool and whether a worker of it is live.</summary>
public sealed record PoolView(bool Available, int Workers);

/// <summary>The caller's limits: file size and pages are the smaller of its tier's and the service's; null means unlimited.</summary>
public sealed record LimitsView(long MaxFileSize, int? MaxPages, int MaxWaitSeconds)
{
    /// <summary>Requests per minute.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Documents per UTC day.</summary>
    public int? DocumentsPerDay { get; init; }

    /// <summary>Documents per UTC calendar month.</summary>
    public int? DocumentsPerMonth { get; init; }

    /// <summary>Jobs pending or processing at one time.</summary>
    public int? ConcurrentJobs { get; init; }
}
