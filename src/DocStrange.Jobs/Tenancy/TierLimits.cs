using System.ComponentModel.DataAnnotations;

namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// What one caller may do. A null limit means unlimited. Bound from configuration per tier
/// (<c>DocStrange:Tiers:Free</c>, <c>:ApiKey</c>, <c>:Enterprise</c>) and overridable per API key.
/// </summary>
public sealed record TierLimits
{
    /// <summary>Requests per minute (every route under <c>/api/v1</c> except health).</summary>
    [Range(1, int.MaxValue)]
    public int? RequestsPerMinute { get; set; }

    /// <summary>Documents submitted per UTC day.</summary>
    [Range(1, int.MaxValue)]
    public int? DocumentsPerDay { get; set; }

    /// <summary>Documents submitted per UTC calendar month.</summary>
    [Range(1, int.MaxValue)]
    public int? DocumentsPerMonth { get; set; }

    /// <summary>Jobs pending or processing at one time.</summary>
    [Range(1, int.MaxValue)]
    public int? ConcurrentJobs { get; set; }

    /// <summary>The largest file, in bytes (never above the service's own upload limit).</summary>
    [Range(1, long.MaxValue)]
    public long? MaxFileBytes { get; set; }

    /// <summary>The most pages one job may convert, counted on those it selects (never above the service's own page limit).</summary>
    [Range(1, int.MaxValue)]
    public int? MaxPages { get; set; }

    /// <summary>No limits at all.</summary>
    public static TierLimits Unlimited { get; } = new();

    /// <summary>These limits with every limit <paramref name="overrides"/> sets taking its place.</summary>
    public TierLimits With(TierLimits? overrides) => overrides is null ? this : new TierLimits
    {
        RequestsPerMinute = overrides.RequestsPerMinute ?? RequestsPerMinute,
        DocumentsPerDay = overrides.DocumentsPerDay ?? DocumentsPerDay,
        DocumentsPerMonth = overrides.DocumentsPerMonth ?? DocumentsPerMonth,
        ConcurrentJobs = overrides.ConcurrentJobs ?? ConcurrentJobs,
        MaxFileBytes = overrides.MaxFileBytes ?? MaxFileBytes,
        MaxPages = overrides.MaxPages ?? MaxPages,
    };
}
