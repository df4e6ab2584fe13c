using DocStrange.Api.Auth;
using DocStrange.Jobs;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Intake;

/// <summary>
/// The size limit of one request's upload: the smaller of the service's and the caller's tier's, and
/// which of them it is, so a refusal names the limit the caller can do something about.
/// </summary>
/// <param name="Bytes">The most bytes the file may have.</param>
/// <param name="Tier">The caller's tier when the limit is the tier's, else null.</param>
internal sealed record UploadLimit(long Bytes, string? Tier)
{
    /// <summary>The limit for the request's caller (the service's alone when no caller was resolved).</summary>
    public static UploadLimit For(HttpContext http, JobsOptions jobs)
    {
        var caller = http.Features.Get<Caller>();
        return caller is not null && EffectiveLimits.TierFileLimit(caller.Limits, jobs) is { } tierLimit
            ? new UploadLimit(tierLimit, caller.Tier)
            : new UploadLimit(jobs.MaxUploadBytes, null);
    }

    /// <summary>The limit in words: "the limit for your tier (free) is 10 MB" or "the limit is 100 MB".</summary>
    public string Describe() => Tier is null
        ? $"the limit is {Sizes.Format(Bytes)}"
        : $"the limit for your tier ({Tier}) is {Sizes.Format(Bytes)}";

    /// <summary><paramref name="details"/> with the limit added (and the tier when it is the tier's).</summary>
    public IReadOnlyDictionary<string, object?> Details(Dictionary<string, object?> details)
    {
        details["max_size"] = Bytes;
        if (Tier is not null) details["tier"] = Tier;
        return details;
    }
}
