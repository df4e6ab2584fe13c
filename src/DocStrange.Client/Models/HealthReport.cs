namespace DocStrange.Client;

/// <summary>A server's detailed health (<c>GET /health</c>).</summary>
public sealed record HealthReport
{
    /// <summary><c>healthy</c>, <c>degraded</c> (no live worker, Redis away, or the data folder short of room) or <c>unhealthy</c> (a dependency does not answer, or the job database file is damaged).</summary>
    public string Status { get; init; } = "";

    /// <summary>The server's version.</summary>
    public string Version { get; init; } = "";

    /// <summary>Seconds since the process started.</summary>
    public long UptimeS { get; init; }

    /// <summary>Each dependency's health.</summary>
    public HealthComponents Components { get; init; } = new();
}

/// <summary>The health of the database, the storage and the workers.</summary>
public sealed record HealthComponents
{
    /// <summary>The job database.</summary>
    public ComponentHealth Database { get; init; } = new();

    /// <summary>The file storage.</summary>
    public ComponentHealth Storage { get; init; } = new();

    /// <summary>Live worker slots.</summary>
    public WorkerHealth Workers { get; init; } = new();

    /// <summary>The workers' OCR engines, as <see cref="SystemInfo.OcrEngines"/>.</summary>
    public IReadOnlyList<OcrEngineInfo> OcrEngines { get; init; } = [];
}

/// <summary>One dependency: its status and how long it took to answer.</summary>
public sealed record ComponentHealth
{
    /// <summary><c>healthy</c>, <c>degraded</c> (it answers, but the data folder is short of room) or <c>unhealthy</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>How long the check took, in milliseconds.</summary>
    public double LatencyMs { get; init; }

    /// <summary>What failed, when it did.</summary>
    public string? Error { get; init; }
}

/// <summary>Live worker slots: <see cref="Active"/> = <see cref="Idle"/> + <see cref="Busy"/>.</summary>
public sealed record WorkerHealth
{
    /// <summary>Live slots.</summary>
    public int Active { get; init; }

    /// <summary>Live slots without a job.</summary>
    public int Idle { get; init; }

    /// <summary>Live slots running a job.</summary>
    public int Busy { get; init; }
}
