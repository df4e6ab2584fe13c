using DocStrange.Document.Files;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Announces this worker process in the registry every few seconds (pool, slots, busy slots), and
/// withdraws it on a clean stop, so every API replica can tell how many workers are live. Each beat
/// also reads the pool's live slots back, for the owner cap that follows them (<see cref="OwnerRunningCap"/>).
/// </summary>
public sealed class WorkerHeartbeatService(IWorkerRegistry registry, LocalWorkerSlots local, JobRunner runner, WorkerOptions options,
    IFormatCatalog formats, OwnerRunningCap ownerCap, TimeProvider time, ILogger<WorkerHeartbeatService> logger) : BackgroundService
{
    /// <summary>How often the heartbeat is written (well inside the registry's live window).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly DateTimeOffset _started = time.GetUtcNow();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await BeatAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: withdrawn below.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.RemoveAsync(runner.WorkerId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The row ages out of the live window by itself.
            logger.LogWarning(ex, "Could not withdraw worker {WorkerId} from the registry", runner.WorkerId);
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            var counts = await local.CountAsync(options.Pool, cancellationToken);
            var heartbeat = new WorkerHeartbeat(runner.WorkerId, options.Pool, options.Slots, counts.Busy, Environment.MachineName, _started)
            {
                Kinds = [.. formats.InputKinds.Select(FileKinds.NameOf)],
                OcrLanguages = [.. formats.OcrLanguages],
                OcrEngines = [.. formats.OcrEngines],
            };
            await registry.HeartbeatAsync(heartbeat, cancellationToken);
            if (ownerCap.IsAutomatic) ownerCap.PoolSlotsSeen((await registry.CountAsync(options.Pool, cancellationToken)).Active);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Worker heartbeat failed; trying again in {Interval}", Interval);
        }
    }
}
