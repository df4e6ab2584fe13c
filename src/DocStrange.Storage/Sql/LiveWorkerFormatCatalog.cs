using DocStrange.Document.Files;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Logging;

namespace DocStrange.Storage.Sql;

/// <summary>
/// An API replica's format catalog in the distributed mode: the kinds the live workers announce,
/// re-read every few seconds. With no live worker it accepts every allow-listed kind: the job waits
/// in the queue for a worker instead of being refused. The OCR languages and engines are the live workers' too.
/// </summary>
public sealed class LiveWorkerFormatCatalog(SqlWorkerRegistry registry, TimeProvider time, ILogger<LiveWorkerFormatCatalog> logger) : IFormatCatalog
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private static readonly FileKind[] AllowListed = [.. Enum.GetValues<FileKind>().Where(k => k != FileKind.Unknown)];
    private readonly Lock _gate = new();
    private IReadOnlyCollection<FileKind> _kinds = AllowListed;
    private IReadOnlyCollection<string> _languages = [];
    private IReadOnlyCollection<OcrEngineStatus> _engines = [];
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

    /// <inheritdoc />
    /// <remarks>The languages of the live workers as of the last refresh (the input kinds' read triggers it); empty before the first.</remarks>
    public IReadOnlyCollection<string> OcrLanguages
    {
        get
        {
            _ = InputKinds;
            lock (_gate) return _languages;
        }
    }

    /// <inheritdoc />
    /// <remarks>The engines the live workers announce as of the last refresh, as <see cref="OcrLanguages"/>.</remarks>
    public IReadOnlyCollection<OcrEngineStatus> OcrEngines
    {
        get
        {
            _ = InputKinds;
            lock (_gate) return _engines;
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            var live = await registry.LiveCapabilitiesAsync(CancellationToken.None);
            var kinds = AllowListed.Where(k => live.Kinds.Contains(FileKinds.NameOf(k))).ToArray();
            var languages = live.OcrLanguages.Order(StringComparer.Ordinal).ToArray();
            lock (_gate)
            {
                _kinds = kinds.Length > 0 ? kinds : AllowListed;
                _languages = languages;
                _engines = live.OcrEngines;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database is away: keep the last answer; the next read tries again.
            logger.LogWarning(ex, "Could not read the input kinds of the live workers; keeping the last list");
            lock (_gate) _readAt = DateTimeOffset.MinValue;
        }
    }
}
