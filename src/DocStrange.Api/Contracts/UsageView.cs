namespace DocStrange.Api.Contracts;

/// <summary>The caller's usage this UTC day and month against its tier's limits (<c>GET /usage</c>).</summary>
public sealed record UsageView(string Tier, TierLimitsView Limits, UsagePeriodView Day, UsagePeriodView Month, ConcurrencyView ConcurrentJobs);

/// <summary>
/// One period: what was submitted in it, the document limit and what is left of it (null when
/// unlimited), and when it resets.
/// </summary>
public sealed record UsagePeriodView(
    DateTimeOffset Start,
    DateTimeOffset ResetsAt,
    long Documents,
    long CachedDocuments,
    long Pages,
    long Bytes,
    long ProcessingTimeMs,
    int? Limit,
    long? Remaining);

/// <summary>Jobs pending or processing now, against the limit.</summary>
public sealed record ConcurrencyView(long Active, int? Limit, long? Remaining);

/// <summary>A caller's limits; null means unlimited. File size and pages are the smaller of the tier's and the service's.</summary>
public sealed record TierLimitsView(
    int? RequestsPerMinute,
    int? DocumentsPerDay,
    int? DocumentsPerMonth,
    int? ConcurrentJobs,
    long MaxFileSize,
    int? MaxPages);
