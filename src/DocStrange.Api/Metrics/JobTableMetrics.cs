using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Prometheus;

namespace DocStrange.Api.Metrics;

/// <summary>
/// Gauges read from the job table and the live workers when Prometheus scrapes: jobs by state (and
/// pool), the queue by pool and priority, worker slots by pool and state. One reading serves every scrape
/// within <see cref="MetricsOptions.JobCountCacheDuration"/>.
/// </summary>
public sealed class JobTableMetrics
{
    private static readonly JobState[] ActiveStates = [JobState.Pending, JobState.Processing];

    private readonly IJobReader _store;
    private readonly ILiveWorkers _workers;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheFor;
    private readonly Gauge _jobs;
    private readonly Gauge _queue;
    private readonly Gauge _active;
    private readonly Gauge _slots;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Creates the gauges and has the registry refresh them before each scrape.</summary>
    public JobTableMetrics(CollectorRegistry registry, IJobReader store, ILiveWorkers workers, TimeProvider time, MetricsOptions options)
    {
        _store = store;
        _workers = workers;
        _time = time;
        _cacheFor = options.JobCountCacheDuration;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _jobs = factory.CreateGauge("docstrange_jobs", "Jobs in the job table now, by state and pool (all replicas and workers).", "state", "pool");
        _queue = factory.CreateGauge("docstrange_queue_depth", "Pending jobs now, by pool and priority.", "pool", "priority");
        _active = factory.CreateGauge("docstrange_jobs_active", "Jobs waiting or running now, by state (pending, processing), all pools.", "state");
        _slots = factory.CreateGauge("docstrange_workers", "Live worker slots now, by pool and state (idle, busy).", "pool", "state");
        registry.AddBeforeCollectCallback(RefreshAsync);
    }

    /// <summary>Reads the job table unless a recent reading still stands.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_time.GetUtcNow() - _readAt < _cacheFor) return;
            var counts = await _store.CountByStateAsync(cancellationToken);
            // Every state of every pool seen is written, zeros included, so a drained queue reads 0 rather than its last value.
            foreach (var pool in counts.Select(c => c.Pool).Append(Pools.Cpu).Distinct())
            {
                foreach (var state in Enum.GetValues<JobState>())
                {
                    _jobs.WithLabels(Name(state), pool).Set(counts.Where(c => c.Pool == pool && c.State == state).Sum(c => c.Count));
                }
                foreach (var priority in Enum.GetValues<JobPriority>())
                {
                    _queue.WithLabels(pool, Name(priority)).Set(counts.Where(c => c.Pool == pool && c.State == JobState.Pending && c.Priority == priority).Sum(c => c.Count));
                }
            }
            foreach (var state in ActiveStates) _active.WithLabels(Name(state)).Set(counts.Where(c => c.State == state).Sum(c => c.Count));
            foreach (var pool in (string[])[Pools.Cpu, Pools.Gpu])
            {
                var slots = await _workers.CountAsync(pool, cancellationToken);
                _slots.WithLabels(pool, "idle").Set(slots.Idle);
                _slots.WithLabels(pool, "busy").Set(slots.Busy);
            }
            _readAt = _time.GetUtcNow();
        }
        finally
        {
            _reading.Release();
        }
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
