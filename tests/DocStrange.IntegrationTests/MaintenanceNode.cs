using DocStrange.Jobs;
using DocStrange.Jobs.Ports;
using DocStrange.Storage.FileSystem;
using DocStrange.Storage.InProcess;
using DocStrange.Storage.Postgres;
using DocStrange.Storage.Sql;
using DocStrange.Worker;
using DocStrange.Worker.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Prometheus;

namespace DocStrange.IntegrationTests;

/// <summary>
/// One worker process's maintenance in miniature, over a shared PostgreSQL schema: its own connection
/// pool, job store, leadership and lease rescuer, on the test's clock.
/// </summary>
internal sealed class MaintenanceNode : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly CollectorRegistry _registry = MetricsRegistry.Create();

    public MaintenanceNode(string connectionString, string blobDirectory, TimeProvider clock, WorkerOptions options)
    {
        _dataSource = PostgresDataSource.Create(connectionString);
        Store = new PostgresJobStore(_dataSource, clock);
        var jobs = new JobsOptions();
        var lifecycle = new JobLifecycle(Store, new FileSystemBlobStore(blobDirectory), new JobTableResultCache(Store), new InProcessWorkSignal(),
            new InProcessJobChangeFeed(), new RetryPolicy(jobs), jobs, clock, NullLogger<JobLifecycle>.Instance);
        Leadership = new MaintenanceLeadership(new SqlLeaderElection(Store, clock), options, new WorkerMetrics(_registry), clock,
            NullLogger<MaintenanceLeadership>.Instance);
        Rescuer = new LeaseRescuer(lifecycle, Leadership, options, NullLogger<LeaseRescuer>.Instance);
    }

    public PostgresJobStore Store { get; }

    public MaintenanceLeadership Leadership { get; }

    public LeaseRescuer Rescuer { get; }

    /// <summary>The value this node's <c>docstrange_maintenance_leader</c> gauge would be scraped with.</summary>
    public async Task<string> LeaderGaugeAsync()
    {
        using var text = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(text);
        var line = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n')
            .Single(l => l.StartsWith("docstrange_maintenance_leader ", StringComparison.Ordinal));
        return line["docstrange_maintenance_leader ".Length..];
    }

    public void Dispose() => _dataSource.Dispose();
}
