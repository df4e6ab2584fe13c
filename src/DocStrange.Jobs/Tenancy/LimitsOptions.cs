namespace DocStrange.Jobs.Tenancy;

/// <summary>Whether the tiers' limits are enforced at all (configuration section <c>DocStrange:Limits</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Limits";

    /// <summary>
    /// Enforce rate limits, quotas, concurrency, file size and page limits per tier. False makes every
    /// caller unlimited (the service's own upload and page limits still hold): for a private
    /// single-user server or a load test, never for a public one.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
