namespace DocStrange.Jobs.Tenancy;

/// <summary>The tiers' limits and whether anonymous callers are let in (configuration section <c>DocStrange:Tiers</c>).</summary>
public sealed class TiersOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Tiers";

    /// <summary>Let callers without a key in, on the free tier's limits per client IP; when false they get 401 <c>INVALID_API_KEY</c>.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Limits of anonymous callers, per client IP.</summary>
    public TierLimits Free { get; set; } = new()
    {
        RequestsPerMinute = 60, DocumentsPerDay = 100, ConcurrentJobs = 10, MaxFileBytes = 10L * 1024 * 1024, MaxPages = 50,
    };

    /// <summary>Limits of callers with an ordinary key.</summary>
    public TierLimits ApiKey { get; set; } = new()
    {
        RequestsPerMinute = 600, DocumentsPerMonth = 10_000, ConcurrentJobs = 50,
    };

    /// <summary>Limits of enterprise keys (none by default; a key may set its own).</summary>
    public TierLimits Enterprise { get; set; } = new();

    /// <summary>The limits of tier <paramref name="tier"/>.</summary>
    public TierLimits For(string tier) => tier switch
    {
        Tiers.Free => Free,
        Tiers.ApiKey => ApiKey,
        Tiers.Enterprise => Enterprise,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };
}
