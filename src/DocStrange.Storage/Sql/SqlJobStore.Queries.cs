using System.Data.Common;
using Dapper;
using DocStrange.Document.Errors;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Sql;

/// <summary>The job table's reads: single jobs, lists, look-ups by key or request, history, queue position.</summary>
public abstract partial class SqlJobStore
{
    /// <inheritdoc />
    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await GetAsync(connection, null, jobId);
    }

    /// <inheritdoc />
    public async Task<Job?> FindByIdempotencyKeyAsync(string? ownerId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<JobRow>(
            $"SELECT {TableColumns.Jobs} FROM jobs WHERE COALESCE(owner_id, '') = @owner AND idempotency_key = @key",
            new { owner = ownerId ?? "", key }))?.ToJob();
    }

    /// <inheritdoc />
    public async Task<Job?> FindCachedAsync(string? ownerId, string requestHash, DateTimeOffset completedSince, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<JobRow>($"""
            SELECT {TableColumns.Jobs} FROM jobs
            WHERE COALESCE(owner_id, '') = @owner AND request_hash = @requestHash AND state = 'completed' AND NOT purged AND completed_at >= @since
            ORDER BY completed_at DESC
            LIMIT 1
            """, new { owner = ownerId ?? "", requestHash, since = completedSince.ToUnixTimeMilliseconds() }))?.ToJob();
    }

    /// <inheritdoc />
    public async Task<JobListPage> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        var cursor = ListCursor.Decode(query.Cursor);
        var limit = Math.Clamp(query.Limit, 1, 100);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<JobRow>($"""
            SELECT {TableColumns.Jobs} FROM jobs
            WHERE (@owner IS NULL OR owner_id = @owner)
              AND (@state IS NULL OR state = @state)
              AND (@at IS NULL OR created_at < @at OR (created_at = @at AND id < @id))
            ORDER BY created_at DESC, id DESC
            LIMIT @take
            """, new
        {
            owner = query.OwnerId,
            state = query.State is { } s ? JobRow.NameOf(s) : null,
            at = cursor?.CreatedAt,
            id = cursor?.Id,
            take = limit + 1,
        })).ToList();
        var items = rows.Take(limit).Select(r => r.ToJob()).ToList();
        var next = rows.Count > limit ? new ListCursor(rows[limit - 1].CreatedAt, rows[limit - 1].Id).Encode() : null;
        return new JobListPage(items, next);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobCount>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, string Pool, long Priority, long Count)>(
            "SELECT state, pool, CAST(priority AS BIGINT), COUNT(*) FROM jobs GROUP BY state, pool, priority");
        return [.. rows.Select(r => new JobCount(JobRow.ParseState(r.State), r.Pool, (JobPriority)r.Priority, r.Count))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Job>> ListExpiredAsync(DateTimeOffset now, DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>($"""
            SELECT {TableColumns.Jobs} FROM jobs
            WHERE state IN ('completed', 'failed', 'cancelled') AND NOT purged
              AND (result_expires_at < @now OR (result_expires_at IS NULL AND completed_at < @finishedBefore))
            ORDER BY completed_at
            LIMIT @limit
            """, new { now = now.ToUnixTimeMilliseconds(), finishedBefore = finishedBefore.ToUnixTimeMilliseconds(), limit });
        return [.. rows.Select(r => r.ToJob())];
    }

    /// <inheritdoc />
    public async Task<int> DeleteRecordsAsync(DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var writing = await EnterWriteAsync(cancellationToken);
        // Events and webhook deliveries go with their job (ON DELETE CASCADE).
        return await connection.ExecuteAsync("""
            DELETE FROM jobs WHERE id IN (
                SELECT id FROM jobs
                WHERE purged AND state IN ('completed', 'failed', 'cancelled') AND completed_at < @before
                ORDER BY completed_at
                LIMIT @limit)
            """, new { before = finishedBefore.ToUnixTimeMilliseconds(), limit });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(
            "SELECT job_id, seq, at, kind, from_state, to_state, actor, message, code FROM job_events WHERE job_id = @jobId ORDER BY seq",
            new { jobId });
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <inheritdoc />
    public async Task<int> CountAheadAsync(Job job, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM jobs
            WHERE state = 'pending' AND pool = @pool
              AND (priority > @priority OR (priority = @priority AND (created_at < @created OR (created_at = @created AND id < @id))))
            """, new { pool = job.Pool, priority = (long)job.Options.Priority, created = job.CreatedAt.ToUnixTimeMilliseconds(), id = job.Id });
    }
}
