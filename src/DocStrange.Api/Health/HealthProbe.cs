using System.Diagnostics;
using DocStrange.Api.Contracts;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Health;

/// <summary>Asks each dependency whether it answers, and how fast.</summary>
public sealed class HealthProbe(IJobStore store, IBlobStore blobs, IWorkerDirectory workers, ILogger<HealthProbe> logger, ISignalHealth? signals = null)
{
    private static readonly DateTime Started = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>Seconds since the process started.</summary>
    public static long UptimeSeconds => (long)(DateTime.UtcNow - Started).TotalSeconds;

    /// <summary>Checks the database, the file store and the worker slots.</summary>
    public async Task<HealthComponents> CheckAsync(CancellationToken cancellationToken)
    {
        var database = await TimeAsync("database", store.PingAsync, cancellationToken);
        var storage = await TimeAsync("storage", blobs.PingAsync, cancellationToken);
        var redis = signals is null ? null : await TimeAsync("redis", signals.PingAsync, cancellationToken);
        var counts = database.Status == "healthy" ? await workers.CountAsync(null, cancellationToken) : WorkerCounts.None;
        return new HealthComponents(database, storage, redis, new WorkersHealth(counts.Active, counts.Idle, counts.Busy));
    }

    private async Task<ComponentHealth> TimeAsync(string name, Func<CancellationToken, Task> ping, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await ping(timeout.Token);
            return new ComponentHealth("healthy", Math.Round(clock.Elapsed.TotalMilliseconds, 2));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health check of {Component} failed", name);
            return new ComponentHealth("unhealthy", Math.Round(clock.Elapsed.TotalMilliseconds, 2), $"{name} does not answer");
        }
    }
}
