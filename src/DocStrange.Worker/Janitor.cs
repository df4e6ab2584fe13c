using DocStrange.Jobs;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Retention: deletes the stored files of jobs whose results expired (and the leftovers of failed or
/// cancelled jobs past the same period), and marks them purged, so their result routes answer
/// <c>410 RESULT_EXPIRED</c>. Records of purged jobs are deleted once <see cref="JobsOptions.RecordRetention"/>
/// is over (then 404). Only the process that leads maintenance sweeps; should two sweep at once
/// (a stalled leader), each purge is still a compare-and-set.
/// </summary>
public sealed class Janitor(
    IJobMaintenance store, IBlobStore blobs, MaintenanceLeadership leadership, JobsOptions jobs, WorkerOptions options, TimeProvider time, ILogger<Janitor> logger)
    : BackgroundService
{
    private const int Batch = 100;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.JanitorInterval, time);
        try
        {
            do
            {
                try
                {
                    if (!leadership.IsLeader) continue;
                    var swept = await SweepAsync(stoppingToken);
                    if (swept > 0) logger.LogInformation("Deleted the stored files of {Count} expired job(s)", swept);
                    var forgotten = await DeleteRecordsAsync(stoppingToken);
                    if (forgotten > 0) logger.LogInformation("Deleted the records of {Count} job(s) past their retention", forgotten);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The retention sweep failed; trying again in {Interval}", options.JanitorInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Deletes the records of purged jobs that ended more than <see cref="JobsOptions.RecordRetention"/> ago, a batch at a time; returns how many.</summary>
    public async Task<int> DeleteRecordsAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var count = await store.DeleteRecordsAsync(time.GetUtcNow() - jobs.RecordRetention, Batch, cancellationToken);
            deleted += count;
            if (count < Batch) return deleted;
        }
    }

    /// <summary>One sweep: every expired job, a batch at a time; returns how many were purged.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var expired = await store.ListExpiredAsync(now, now - jobs.ResultRetention, Batch, cancellationToken);
            foreach (var job in expired)
            {
                await blobs.DeletePrefixAsync(BlobKeys.JobPrefix(job.Id), cancellationToken);
                if ((await store.MarkPurgedAsync(job.Id, "janitor", cancellationToken)).Applied) purged++;
            }
            if (expired.Count < Batch) return purged;
        }
    }
}
