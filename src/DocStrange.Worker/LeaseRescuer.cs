using DocStrange.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Periodically hands jobs whose worker stopped renewing its lease (killed, stuck, machine gone) back to
/// the queue, while this process leads maintenance (<see cref="MaintenanceLeadership"/>).
/// </summary>
public sealed class LeaseRescuer(JobLifecycle lifecycle, MaintenanceLeadership leadership, WorkerOptions options, ILogger<LeaseRescuer> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RescueInterval);
        try
        {
            do
            {
                try
                {
                    var rescued = await RescueIfLeadingAsync(stoppingToken);
                    if (rescued > 0) logger.LogWarning("Took back {Count} job(s) whose worker stopped answering", rescued);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Looking for expired leases failed; trying again in {Interval}", options.RescueInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One round: how many jobs were taken back, or null when another process leads maintenance (and so rescues).</summary>
    public async Task<int?> RescueIfLeadingAsync(CancellationToken cancellationToken) =>
        leadership.IsLeader ? await lifecycle.RescueExpiredAsync(cancellationToken) : null;
}
