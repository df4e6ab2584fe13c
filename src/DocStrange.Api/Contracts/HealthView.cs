namespace DocStrange.Api.Contracts;

/// <summary>Detailed health (SPEC §2 <c>GET /health</c>).</summary>
public sealed record HealthView(string Status, string Version, long UptimeS, HealthComponents Components);

/// <summary>Each dependency's health; <see cref="Redis"/> is null where the mode has none.</summary>
public sealed record HealthComponents(ComponentHealth Database, ComponentHealth Storage, ComponentHealth? Redis, WorkersHealth Workers)
{
    /// <summary>The workers' OCR engines, as on <c>GET /system</c>: whether each reads, and on which execution provider PaddleOCR runs.</summary>
    public required IReadOnlyList<OcrEngineView> OcrEngines { get; init; }
}

/// <summary>One dependency: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>, and how long it took to answer.</summary>
public sealed record ComponentHealth(string Status, double LatencyMs, string? Error = null);

/// <summary>Live worker slots.</summary>
public sealed record WorkersHealth(int Active, int Idle, int Busy);

/// <summary>The states of one dependency.</summary>
public static class ComponentStatus
{
    /// <summary>It answers and has what it needs.</summary>
    public const string Healthy = "healthy";

    /// <summary>It answers, but some work will fail: the data folder is short of room.</summary>
    public const string Degraded = "degraded";

    /// <summary>It does not answer, or its file is damaged.</summary>
    public const string Unhealthy = "unhealthy";
}

/// <summary>The answer of <c>/health/live</c>: the process runs.</summary>
public sealed record LivenessView(string Status);
