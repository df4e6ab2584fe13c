using DocStrange.Document.Files;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Logging;

namespace DocStrange.Storage.Sql;

/// <summary>
/// An API replica's format catalog in the distributed mode: the kinds the live workers announce,
/// re-read every few seconds. With no live worker it accepts every allow-listed kind: the job waits
/// in the queue for a worker instead of being refused.
/// </summary>
public sealed class LiveWorkerFormatCatalog(SqlWorkerRegistry registry, TimeProvider time, ILogger<LiveWorkerFormatCatalog> logger) : IFormatCatalog
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private static readonly FileKind[] AllowListed = [.. Enum.GetValues<FileKind>().Where(k => k != FileKind.Unknown)];
    private readonly Lock _gate = new();
    private IReadOnlyCollection<FileKind> _kinds = AllowListed;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private Task? _refreshing;

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> InputKinds
    {
        get
        {
            lock (_gate)
            {
                if (time.GetUtcNow() - _readAt > Refresh && _refreshing is null or { IsCompleted: true })
                {
                    _readAt = time.GetUtcNow();
                    _refreshing = RefreshAsync();
                }
                return _kinds;
            }
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            var names = await registry.LiveKindsAsync(CancellationToken.None);
            var kinds = AllowListed.Where(k => names.Contains(FileKinds.NameOf(k))).ToArray();
            lock (_gate) _kinds = kinds.Length > 0 ? kinds : AllowListed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database is away: keep the last answer; the next read tries again.
            logger.LogWarning(ex, "Could not read the input kinds of the live workers; keeping the last list");
            lock (_gate) _readAt = DateTimeOffset.MinValue;
        }
    }
}
