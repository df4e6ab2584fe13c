namespace DocStrange.Api.Metrics;

/// <summary>Settings of the Prometheus endpoint (configuration section <c>DocStrange:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Metrics";

    /// <summary>Whether <c>/metrics</c> and <c>/api/v1/metrics</c> are served (they need no key; switch them off where the port is public).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one reading of the job table serves scrapes, so frequent scrapes cost the database nothing.</summary>
    public TimeSpan JobCountCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
