using Prometheus;

namespace DocStrange.Worker.Metrics;

/// <summary>The host's own Prometheus registry, with process and .NET runtime metrics in it.</summary>
public static class MetricsRegistry
{
    /// <summary>
    /// A new registry. Each host gets its own rather than prometheus-net's static default, so two hosts
    /// in one process (test hosts, a second replica) never count into each other's metrics.
    /// </summary>
    public static CollectorRegistry Create()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        return registry;
    }
}
