using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Worker.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// The worker loop: <see cref="WorkerOptions.Slots"/> slots, each claiming the next job of the pool
/// with a lease (fairly between owners, none past <see cref="OwnerRunningCap"/>), running it, and
/// sleeping on the work signal (with a slow poll as the fallback) when there is nothing to claim. A
/// database error is logged and retried after a pause, never read as "no work".
/// </summary>
public sealed class JobRunner(
    JobLifecycle lifecycle,
    IWorkSignal signal,
    JobExecutor executor,
    LocalWorkerSlots localSlots,
    OwnerRunningCap ownerCap,
    WorkerMetrics metrics,
    WorkerOptions options,
    PaddleOptions paddle,
    IHostApplicationLifetime lifetime,
    ILogger<JobRunner> logger) : BackgroundService
{
    private int _claims;

    /// <summary>This process's worker id: host, process and a random part, so restarts never reuse an id.</summary>
    public string WorkerId { get; } = ProcessIds.New();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Shutdown first stops the claiming; running jobs get DrainTimeout to finish before they are
        // cancelled and given back to the queue.
        logger.LogInformation("Worker {WorkerId} claims no job of an owner with {OwnerCap} running in pool {Pool} (0: no cap; {CapSource})",
            WorkerId, ownerCap.Current, options.Pool, ownerCap.IsAutomatic ? "one less than the pool's live slots" : "DocStrange:Jobs:MaxRunningPerOwner");
        PaddleModelCheck.Log(logger, options.Pool, paddle);
        using var abort = new CancellationTokenSource();
        await using var drain = stoppingToken.Register(() => abort.CancelAfter(options.DrainTimeout));
        await Task.WhenAll(Enumerable.Range(1, options.Slots).Select(slot => Task.Run(() => RunSlotAsync(slot, stoppingToken, abort.Token), CancellationToken.None)));
    }

    private void StopWhenRecycleDue()
    {
        if (options.MaxJobs == 0 || Volatile.Read(ref _claims) < options.MaxJobs || !localSlots.IsIdle) return;
        logger.LogInformation("Worker {WorkerId} ran {Count} jobs; stopping for a fresh process", WorkerId, options.MaxJobs);
        lifetime.StopApplication();
    }

    private async Task<bool> PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.PollInterval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Reserves one of the <see cref="WorkerOptions.MaxJobs"/> claims (given back when no job was found).</summary>
    private bool TryReserveClaim()
    {
        if (Interlocked.Increment(ref _claims) <= options.MaxJobs || options.MaxJobs == 0) return true;
        Interlocked.Decrement(ref _claims);
        return false;
    }

    private async Task RunSlotAsync(int slot, CancellationToken stoppingToken, CancellationToken abortToken)
    {
        var slotId = $"{WorkerId}/{slot}";
        localSlots.SlotStarted();
        logger.LogInformation("Worker slot {WorkerId} serving pool {Pool}", slotId, options.Pool);
        try
        {
            while (!stoppingToken.IsCancellationRequested && TryReserveClaim())
            {
                Job? job = null;
                try
                {
                    // Spans use the wall clock whatever the host's TimeProvider: the claim's span starts here.
                    var claimStarted = DateTimeOffset.UtcNow;
                    job = await lifecycle.ClaimAsync(options.Pool, slotId, options.LeaseDuration, ownerCap.Current, stoppingToken);
                    if (job is null)
                    {
                        await signal.WaitAsync(options.Pool, options.PollInterval, stoppingToken);
                        continue;
                    }
                    metrics.Claimed(job);
                    localSlots.JobStarted();
                    try
                    {
                        await executor.RunAsync(job, slotId, abortToken, claimStarted);
                    }
                    finally
                    {
                        localSlots.JobEnded();
                    }
                    StopWhenRecycleDue();
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || abortToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Worker slot {WorkerId} could not reach the job store; retrying", slotId);
                    if (!await PauseAsync(stoppingToken)) break;
                }
                finally
                {
                    // A reservation that found no job is given back.
                    if (job is null) Interlocked.Decrement(ref _claims);
                }
            }
        }
        finally
        {
            localSlots.SlotStopped();
        }
    }
}
