using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// A tier's file and page limits against the service's own (<see cref="JobsOptions"/>): the smaller
/// holds, and errors name the tier only when it is the tier's limit that was hit.
/// </summary>
public static class EffectiveLimits
{
    /// <summary>The largest file the caller may upload.</summary>
    public static long MaxFileBytes(TierLimits tier, JobsOptions jobs) => TierFileLimit(tier, jobs) ?? jobs.MaxUploadBytes;

    /// <summary>The tier's file limit when it is below the service's, else null.</summary>
    public static long? TierFileLimit(TierLimits tier, JobsOptions jobs) =>
        tier.MaxFileBytes is { } max && max < jobs.MaxUploadBytes ? max : null;

    /// <summary>The most pages the caller's jobs may convert (counted on those selected); null when unlimited.</summary>
    public static int? MaxPages(TierLimits tier, JobsOptions jobs) => TierPageLimit(tier, jobs) ?? (jobs.MaxPages > 0 ? jobs.MaxPages : null);

    /// <summary>The tier's page limit when it is below the service's (or the service has none), else null.</summary>
    public static int? TierPageLimit(TierLimits tier, JobsOptions jobs) =>
        tier.MaxPages is { } max && (jobs.MaxPages <= 0 || max < jobs.MaxPages) ? max : null;

    /// <summary><paramref name="options"/> with the page limit the caller's job converts under, fixed at submission.</summary>
    public static JobOptions WithPageLimit(JobOptions options, TierLimits tier, JobsOptions jobs) =>
        options with { MaxPages = MaxPages(tier, jobs), MaxPagesIsTiers = TierPageLimit(tier, jobs) is not null };
}
