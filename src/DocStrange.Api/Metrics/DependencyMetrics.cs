using DocStrange.Api.Health;
using Prometheus;

namespace DocStrange.Api.Metrics;

/// <summary>
/// <c>docstrange_dependency_up{component}</c>: 1 while the database, the file store (and Redis where the mode
/// has one) answer the health probe, 0 while they do not. Probed when Prometheus scrapes, at most once per
/// <see cref="MetricsOptions.JobCountCacheDuration"/>; a failed probe never fails the scrape.
/// </summary>
public sealed class DependencyMetrics
{
    private readonly HealthProbe _probe;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheFor;
    private readonly Gauge _up;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Creates the gauge and has the registry refresh it before each scrape.</summary>
    public DependencyMetrics(CollectorRegistry registry, HealthProbe probe, TimeProvider time, MetricsOptions options)
    {
        _probe = probe;
        _time = time;
        _cacheFor = options.JobCountCacheDuration;
        _up = Prometheus.Metrics.WithCustomRegistry(registry)
            .CreateGauge("docstrange_dependency_up", "1 while the dependency answers the health probe, else 0 (database, storage, redis).", "component");
        registry.AddBeforeCollectCallback(RefreshAsync);
    }

    /// <summary>Probes the dependencies unless a recent probe still stands.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_time.GetUtcNow() - _readAt < _cacheFor) return;
            var health = await _probe.CheckAsync(cancellationToken);
            Set("database", health.Database);
            Set("storage", health.Storage);
            if (health.Redis is not null) Set("redis", health.Redis);
            _readAt = _time.GetUtcNow();
        }
        finally
        {
            _reading.Release();
        }
    }

    private void Set(string component, Contracts.ComponentHealth health) =>
        // Degraded (a data folder short of room) still answers: up.
        _up.WithLabels(component).Set(health.Status == Contracts.ComponentStatus.Unhealthy ? 0 : 1);
}
