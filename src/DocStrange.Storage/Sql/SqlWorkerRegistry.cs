using Dapper;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Sql;

/// <summary>
/// The <c>workers</c> table, beside the jobs: heartbeats in, live-worker counts out. A worker whose
/// heartbeat is older than <see cref="LiveWindow"/> is counted as gone.
/// </summary>
public sealed class SqlWorkerRegistry(SqlJobStore store, TimeProvider time) : IWorkerRegistry, ILiveWorkers
{
    /// <summary>How recent a heartbeat must be for its worker to count as live (three missed beats).</summary>
    public static readonly TimeSpan LiveWindow = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public async Task HeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO workers (worker_id, pool, slots, busy, host, started_at, heartbeat_at, kinds, ocr_languages, ocr_engines)
            VALUES (@WorkerId, @Pool, @Slots, @Busy, @Host, @started, @now, @kinds, @languages, @engines)
            ON CONFLICT (worker_id) DO UPDATE SET slots = excluded.slots, busy = excluded.busy, heartbeat_at = excluded.heartbeat_at,
                kinds = excluded.kinds, ocr_languages = excluded.ocr_languages, ocr_engines = excluded.ocr_engines
            """, new
        {
            heartbeat.WorkerId, heartbeat.Pool, Slots = (long)heartbeat.Slots, Busy = (long)heartbeat.Busy, heartbeat.Host,
            kinds = string.Join(',', heartbeat.Kinds),
            languages = string.Join(',', heartbeat.OcrLanguages),
            engines = StorageJson.Write(heartbeat.OcrEngines),
            started = heartbeat.StartedAt.ToUnixTimeMilliseconds(), now = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>The input kinds that at least one live worker converts.</summary>
    public async Task<IReadOnlySet<string>> LiveKindsAsync(CancellationToken cancellationToken) =>
        (await LiveCapabilitiesAsync(cancellationToken)).Kinds;

    /// <summary>The input kinds, the OCR languages and the OCR engines that at least one live worker has, in one read.</summary>
    public async Task<LiveCapabilities> LiveCapabilitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Kinds, string Languages, string Engines)>("SELECT kinds, ocr_languages, ocr_engines FROM workers WHERE heartbeat_at >= @since",
            new { since = (time.GetUtcNow() - LiveWindow).ToUnixTimeMilliseconds() })).ToList();
        static HashSet<string> Union(IEnumerable<string> lists) =>
            lists.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        // Workers that run an engine alike are one entry: a cluster with PaddleOCR on CUDA in one pool and on the CPU in another lists both.
        var engines = rows.SelectMany(r => StorageJson.Read<OcrEngineStatus[]>(r.Engines)).Distinct()
            .OrderBy(e => e.Name, StringComparer.Ordinal).ThenByDescending(e => e.Available).ThenBy(e => e.ExecutionProvider, StringComparer.Ordinal).ToArray();
        return new LiveCapabilities(Union(rows.Select(r => r.Kinds)), Union(rows.Select(r => r.Languages))) { OcrEngines = engines };
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM workers WHERE worker_id = @workerId", new { workerId });
    }

    /// <inheritdoc />
    public async Task<WorkerCounts> CountAsync(string? pool, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Slots, long Busy)>("""
            SELECT CAST(COALESCE(SUM(slots), 0) AS BIGINT) AS slots, CAST(COALESCE(SUM(busy), 0) AS BIGINT) AS busy FROM workers
            WHERE heartbeat_at >= @since AND (@pool IS NULL OR pool = @pool)
            """, new { pool, since = (time.GetUtcNow() - LiveWindow).ToUnixTimeMilliseconds() });
        return new WorkerCounts((int)row.Slots, (int)(row.Slots - row.Busy), (int)row.Busy);
    }
}

/// <summary>What the live workers can do together: the input kinds they convert and the OCR languages they read.</summary>
public sealed record LiveCapabilities(IReadOnlySet<string> Kinds, IReadOnlySet<string> OcrLanguages)
{
    /// <summary>Each distinct OCR engine status the live workers announce (an engine on two providers is two entries).</summary>
    public IReadOnlyList<OcrEngineStatus> OcrEngines { get; init; } = [];
}
