namespace DocStrange.Client;

/// <summary>The caller's usage this UTC day and month against its tier's limits (<c>GET /usage</c>).</summary>
public sealed record Usage
{
    /// <summary>The caller's tier: <c>free</c>, <c>api_key</c> or <c>enterprise</c>.</summary>
    public string Tier { get; init; } = "";

    /// <summary>The caller's limits; null members are unlimited.</summary>
    public TierLimits Limits { get; init; } = new();

    /// <summary>This UTC day.</summary>
    public UsagePeriod Day { get; init; } = new();

    /// <summary>This UTC calendar month.</summary>
    public UsagePeriod Month { get; init; } = new();

    /// <summary>Jobs pending or processing now.</summary>
    public ConcurrentJobs ConcurrentJobs { get; init; } = new();
}

/// <summary>What was submitted in one period, and the period's document limit.</summary>
public sealed record UsagePeriod
{
    /// <summary>The period's first instant.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>When the period, and its quota, reset.</summary>
    public DateTimeOffset ResetsAt { get; init; }

    /// <summary>Documents submitted (cache hits included).</summary>
    public long Documents { get; init; }

    /// <summary>Of those, served from the result cache.</summary>
    public long CachedDocuments { get; init; }

    /// <summary>Pages converted.</summary>
    public long Pages { get; init; }

    /// <summary>Bytes uploaded.</summary>
    public long Bytes { get; init; }

    /// <summary>Conversion time, in milliseconds.</summary>
    public long ProcessingTimeMs { get; init; }

    /// <summary>The documents allowed in the period; null when unlimited.</summary>
    public int? Limit { get; init; }

    /// <summary>Documents left in the period; null when unlimited.</summary>
    public long? Remaining { get; init; }
}

/// <summary>Jobs pending or processing now, against the limit.</summary>
public sealed record ConcurrentJobs
{
    /// <summary>Jobs pending or processing.</summary>
    public long Active { get; init; }

    /// <summary>The most at one time; null when unlimited.</summary>
    public int? Limit { get; init; }

    /// <summary>Jobs that may still start; null when unlimited.</summary>
    public long? Remaining { get; init; }
}

/// <summary>A caller's limits; null means unlimited.</summary>
public sealed record TierLimits
{
    /// <summary>Requests per minute.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Documents per UTC day.</summary>
    public int? DocumentsPerDay { get; init; }

    /// <summary>Documents per UTC calendar month.</summary>
    public int? DocumentsPerMonth { get; init; }

    /// <summary>Jobs pending or processing at one time.</summary>
    public int? ConcurrentJobs { get; init; }

    /// <summary>The largest upload in bytes.</summary>
    public long MaxFileSize { get; init; }

    /// <summary>The most pages a document may have; null when unlimited.</summary>
    public int? MaxPages { get; init; }
}
