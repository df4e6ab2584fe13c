using System.Data.Common;
using Dapper;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Storage.Sql;
using Npgsql;

namespace DocStrange.Storage.Postgres;

/// <summary>
/// The distributed job store: the same table as the embedded one, in PostgreSQL. Claimers skip rows
/// other claimers hold (<c>FOR UPDATE SKIP LOCKED</c>), so any number of workers take distinct jobs
/// without waiting on each other; transitions lock the job's row.
/// </summary>
public sealed class PostgresJobStore(NpgsqlDataSource dataSource, TimeProvider time) : SqlJobStore(time)
{
    /// <inheritdoc />
    internal override SqlDialect Dialect => PostgresDialect.Instance;

    // Any constant: serialises migrations run by several processes starting together.
    private const long MigrationLockKey = 0x446f635374726e67;

    // Any constant (with the pool's hash as the second half): serialises the claims of one pool while an owner cap holds.
    private const int ClaimLockClass = 0x446f6343;

    /// <inheritdoc />
    protected override string ClaimCandidateSql => base.ClaimCandidateSql + "\nFOR UPDATE OF j SKIP LOCKED";

    /// <inheritdoc />
    protected override string LockJobSql => base.LockJobSql + " FOR UPDATE";

    /// <summary>
    /// Inserts a pending job and its <c>created</c> event in one round trip: the two statements of one
    /// command run in one implicit transaction, so either both rows are written or neither. A job that is
    /// final at once (from the result cache) takes the general path, which also writes its webhook delivery.
    /// </summary>
    public override async Task CreateAsync(Job job, string actor, CancellationToken cancellationToken)
    {
        if (JobStateMachine.IsFinal(job.State))
        {
            await base.CreateAsync(job, actor, cancellationToken);
            return;
        }
        var parameters = new DynamicParameters(JobRow.InsertParameters(job));
        parameters.Add("event_at", Time.GetUtcNow().ToUnixTimeMilliseconds());
        parameters.Add("event_kind", JobEventKinds.Created);
        parameters.Add("actor", actor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // A new id has no events yet, so the first is number 1.
            await connection.ExecuteAsync(InsertJobSql + """
                ;
                INSERT INTO job_events (job_id, seq, at, kind, from_state, to_state, actor, message, code)
                VALUES (@id, 1, @event_at, @event_kind, NULL, @state, @actor, NULL, NULL)
                """, parameters);
        }
        catch (DbException ex) when (job.IdempotencyKey is { } key && IsUniqueViolation(ex))
        {
            throw new IdempotencyKeyTakenException(key, ex);
        }
    }

    /// <summary>
    /// Claims in one statement: the update takes the first due job no other claimer holds, and the
    /// <c>claimed</c> event is written by the same statement. An empty queue updates nothing, so there is
    /// no read first (the embedded store has one, to keep idle workers off its single write lock).
    /// </summary>
    /// <remarks>
    /// With an owner cap, claimers of the pool take turns: each reads the owners' processing counts in
    /// its own snapshot, so two claimers at once could both see an owner one below its cap and both
    /// claim. A transaction-level advisory lock on the pool, taken by a first statement of the same
    /// implicit transaction, makes the claim statement's snapshot start after the previous claim
    /// committed; the lock goes with the transaction. A claim takes about a millisecond, so the pool still
    /// claims hundreds of jobs a second.
    /// </remarks>
    public override async Task<Job?> ClaimAsync(string pool, string workerId, TimeSpan lease, int maxRunningPerOwner, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRunningPerOwner);
        var now = Time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = ClaimParameters(pool, workerId, lease, maxRunningPerOwner, now);
        parameters.Add("kind", JobEventKinds.Claimed);
        parameters.Add("actor", $"worker:{workerId}");
        parameters.Add("lock_class", ClaimLockClass);
        var capped = maxRunningPerOwner > 0;
        await using var results = await connection.QueryMultipleAsync((capped ? "SELECT 1 FROM pg_advisory_xact_lock(@lock_class, hashtext(@pool));\n" : "") + $"""
            WITH claimed AS ({ClaimUpdateSql}),
            claim_event AS (
                INSERT INTO job_events (job_id, seq, at, kind, from_state, to_state, actor, message, code)
                SELECT id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_id = claimed.id), @now, @kind,
                       'pending', 'processing', @actor, CONCAT('attempt ', attempts), NULL
                FROM claimed
            )
            SELECT {TableColumns.Jobs} FROM claimed
            """, parameters);
        if (capped) await results.ReadSingleAsync<int>();
        var row = await results.ReadSingleOrDefaultAsync<JobRow>();
        return row?.ToJob();
    }

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey });
        try
        {
            await SqlMigrator.MigrateAsync(connection, "Postgres.Migrations.", cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
