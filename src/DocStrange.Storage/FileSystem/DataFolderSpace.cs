using System.Globalization;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.FileSystem;

/// <summary>
/// Whether the data folder has room for more files: its free space against a threshold, and a small
/// write. A full disk otherwise shows only as uploads and results failing one by one, while the
/// folder still answers every read and the health probe's existence check.
/// </summary>
public sealed class DataFolderSpace(string folder, long minFreeBytes) : IStorageSpace
{
    /// <summary>One block: a smaller write can succeed on a full disk by landing in a block already held.</summary>
    private static readonly byte[] ProbeBytes = new byte[4096];

    /// <inheritdoc />
    public async Task<string?> ShortageAsync(CancellationToken cancellationToken)
    {
        if (minFreeBytes > 0)
        {
            // On Linux and macOS any path names its file system here (statvfs), not only a mount point.
            var free = new DriveInfo(folder).AvailableFreeSpace;
            if (free < minFreeBytes)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"the data folder has {Mebibytes(free)} free, less than the {Mebibytes(minFreeBytes)} it should keep (DocStrange:Storage:MinFreeBytes)");
            }
        }
        return await WriteProbeAsync(cancellationToken);
    }

    private async Task<string?> WriteProbeAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(folder, $".space-probe-{Guid.NewGuid():N}");
        try
        {
            await using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await file.WriteAsync(ProbeBytes, cancellationToken);
            await file.FlushAsync(cancellationToken);
            return null;
        }
        catch (IOException ex) when (StorageFailureClassifier.IsOutOfSpace(ex))
        {
            return "the data folder's disk is full: no file can be written";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "no file can be written in the data folder (read-only or not permitted)";
        }
    }

    private static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");
}
