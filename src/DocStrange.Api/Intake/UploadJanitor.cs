using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Intake;

/// <summary>
/// Deletes resumable uploads past their expiry that nobody touched again (a touched one is deleted
/// when it is found expired). A store that lists its keys (<see cref="IBlobKeyListing"/>, the local
/// folder) is swept here; in an S3 bucket the shipped lifecycle rule (<c>deploy/s3/lifecycle.json</c>,
/// prefix <c>uploads/</c>) does it.
/// </summary>
internal sealed class UploadJanitor(ResumableUploads uploads, UploadOptions options, TimeProvider time, ILogger<UploadJanitor> logger,
    IBlobKeyListing? listing = null)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (listing is null) return;
        using var timer = new PeriodicTimer(options.JanitorInterval, time);
        try
        {
            do
            {
                try
                {
                    var swept = await SweepAsync(listing, stoppingToken);
                    if (swept > 0) logger.LogInformation("Deleted {Count} expired resumable upload(s)", swept);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The sweep of expired uploads failed; trying again in {Interval}", options.JanitorInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One sweep; returns how many uploads were deleted.</summary>
    public async Task<int> SweepAsync(IBlobKeyListing listing, CancellationToken cancellationToken)
    {
        var swept = 0;
        var ids = listing.ListKeys("uploads/").Select(k => k.Split('/')).Where(p => p.Length == 3).Select(p => p[1]).Distinct().ToList();
        foreach (var id in ids)
        {
            var manifest = await uploads.ReadAsync(id, cancellationToken);
            // No manifest: chunks of an upload being deleted, or a manifest not written yet; the next sweep sees it settled.
            if (manifest is null || manifest.ExpiresAt > time.GetUtcNow()) continue;
            await uploads.DeleteAsync(id, cancellationToken);
            swept++;
        }
        return swept;
    }
}
