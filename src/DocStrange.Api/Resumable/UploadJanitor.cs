using DocStrange.Jobs.Ports;
using DocStrange.Storage.FileSystem;

namespace DocStrange.Api.Resumable;

/// <summary>
/// Deletes resumable uploads past their expiry that nobody touched again (a touched one is deleted
/// when it is found expired). The local folder store is swept here; in an S3 bucket the shipped
/// lifecycle rule (<c>deploy/s3/lifecycle.json</c>, prefix <c>uploads/</c>) does it.
/// </summary>
internal sealed class UploadJanitor(IBlobStore blobs, ResumableUploads uploads, UploadOptions options, TimeProvider time, ILogger<UploadJanitor> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (blobs is not FileSystemBlobStore folder) return;
        using var timer = new PeriodicTimer(options.JanitorInterval, time);
        try
        {
            do
            {
                try
                {
                    var swept = await SweepAsync(folder, stoppingToken);
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
    public async Task<int> SweepAsync(FileSystemBlobStore folder, CancellationToken cancellationToken)
    {
        var swept = 0;
        var ids = folder.ListKeys("uploads/").Select(k => k.Split('/')).Where(p => p.Length == 3).Select(p => p[1]).Distinct().ToList();
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
