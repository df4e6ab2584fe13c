using System.Diagnostics;
using DocStrange.Api.Contracts;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Health;

/// <summary>Asks each dependency whether it answers, and how fast; and whether the data folder has room.</summary>
public sealed class HealthProbe(IJobStoreHealth store, IBlobStore blobs, ILiveWorkers workers, IFormatCatalog formats, IStorageFailureClassifier storageFailures,
    ILogger<HealthProbe> logger, ISignalHealth? signals = null, IStorageSpace? space = null)
{
    private static readonly DateTime Started = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>Seconds since the process started.</summary>
    public static long UptimeSeconds => (long)(DateTime.UtcNow - Started).TotalSeconds;

    /// <summary>Checks the database, the file store (and its room, where it is a local folder) and the worker slots, and lists the workers' OCR engines.</summary>
    public async Task<HealthComponents> CheckAsync(CancellationToken cancellationToken)
    {
        var database = await TimeAsync("database", store.PingAsync, cancellationToken);
        var storage = await TimeAsync("storage", blobs.PingAsync, cancellationToken);
        if (storage.Status == ComponentStatus.Healthy && space is not null && await space.ShortageAsync(cancellationToken) is { } shortage)
        {
            logger.LogWarning("The data folder is short of room: {Shortage}", shortage);
            // The store still serves what it holds; only new files fail. Degraded, not down.
            storage = storage with { Status = ComponentStatus.Degraded, Error = shortage };
        }
        var redis = signals is null ? null : await TimeAsync("redis", signals.PingAsync, cancellationToken);
        var counts = database.Status == ComponentStatus.Healthy ? await workers.CountAsync(null, cancellationToken) : WorkerCounts.None;
        return new HealthComponents(database, storage, redis, new WorkersHealth(counts.Active, counts.Idle, counts.Busy)) { OcrEngines = OcrEngineView.Of(formats) };
    }

    private async Task<ComponentHealth> TimeAsync(string name, Func<CancellationToken, Task> ping, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await ping(timeout.Token);
            return new ComponentHealth(ComponentStatus.Healthy, Math.Round(clock.Elapsed.TotalMilliseconds, 2));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && storageFailures.Classify(ex) == StorageFailure.DatabaseDamaged)
        {
            // It answers, and will fail every query that reads the damaged pages: not a wait-and-retry outage.
            logger.LogError(ex, "Health check of {Component}: the file is damaged", name);
            return new ComponentHealth(ComponentStatus.Unhealthy, Math.Round(clock.Elapsed.TotalMilliseconds, 2),
                $"{name} file is damaged: restore it from a backup (see the server log)");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health check of {Component} failed", name);
            return new ComponentHealth(ComponentStatus.Unhealthy, Math.Round(clock.Elapsed.TotalMilliseconds, 2), $"{name} does not answer");
        }
    }
}
