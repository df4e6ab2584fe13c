using Dapper;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Storage.Sql;

/// <summary>
/// An owner's usage read from the job table: each submission is a row, so the table is the truth for
/// documents, bytes, pages and processing time. The queries use the indexes on (owner, created_at)
/// and on the owner's active jobs.
/// </summary>
public sealed class SqlOwnerUsage(SqlJobStore store) : IOwnerUsage
{
    /// <inheritdoc />
    public async Task<OwnerCounts> CountAsync(string ownerId, DateTimeOffset dayStart, DateTimeOffset monthStart, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountsRow>(new CommandDefinition("""
            SELECT
              (SELECT COUNT(*) FROM jobs WHERE owner_id = @owner AND created_at >= @day) AS today,
              (SELECT COUNT(*) FROM jobs WHERE owner_id = @owner AND created_at >= @month) AS month,
              (SELECT COUNT(*) FROM jobs WHERE owner_id = @owner AND state IN ('pending', 'processing')) AS active
            """, new { owner = ownerId, day = dayStart.ToUnixTimeMilliseconds(), month = monthStart.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return new OwnerCounts(row.Today, row.Month, row.Active);
    }

    /// <inheritdoc />
    public async Task<long> DocumentsSinceAsync(string ownerId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM jobs WHERE owner_id = @owner AND created_at >= @from",
            new { owner = ownerId, from = from.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<long> ActiveJobsAsync(string ownerId, long atMost, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atMost);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // The inner LIMIT stops the index scan at the cap, whatever the length of the owner's queue.
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM (SELECT 1 FROM jobs WHERE owner_id = @owner AND state IN ('pending', 'processing') LIMIT @atMost) AS active
            """, new { owner = ownerId, atMost }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<UsageTotals> TotalsAsync(string ownerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Pages, time and the cache flag live in the result document; each database reads JSON its own way.
        var pages = store.Dialect.JsonInteger("result", "pages_processed");
        var time = store.Dialect.JsonInteger("result", "processing_time_ms");
        var cached = store.Dialect.JsonIsTrue("result", "cached");
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<TotalsRow>(new CommandDefinition($"""
            SELECT CAST(COUNT(*) AS BIGINT) AS documents,
                   CAST(COALESCE(SUM(CASE WHEN state = 'completed' AND {cached} THEN 1 ELSE 0 END), 0) AS BIGINT) AS cached,
                   CAST(COALESCE(SUM(CASE WHEN state = 'completed' THEN {pages} ELSE 0 END), 0) AS BIGINT) AS pages,
                   CAST(COALESCE(SUM(file_size), 0) AS BIGINT) AS bytes,
                   CAST(COALESCE(SUM(CASE WHEN state = 'completed' THEN {time} ELSE 0 END), 0) AS BIGINT) AS processing_time_ms
            FROM jobs
            WHERE owner_id = @owner AND created_at >= @from AND created_at < @to
            """, new { owner = ownerId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return new UsageTotals(row.Documents, row.Cached, row.Pages, row.Bytes, row.ProcessingTimeMs);
    }

    private sealed record CountsRow(long Today, long Month, long Active);

    private sealed class TotalsRow
    {
        public long Documents { get; init; }
        public long Cached { get; init; }
        public long Pages { get; init; }
        public long Bytes { get; init; }
        public long ProcessingTimeMs { get; init; }
    }
}
