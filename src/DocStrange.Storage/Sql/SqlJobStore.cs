using System.Data;
using System.Data.Common;
using Dapper;
using DocStrange.Document.Errors;
using DocStrange.Jobs;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Sql;

/// <summary>
/// The job table in SQL, shared by the SQLite and PostgreSQL stores: the same schema, the same
/// statements. Every change runs in one transaction with the event row that records it; a
/// transition locks the job's row, checks the expected state and lease owner, then updates it, so a
/// lost race comes back as <see cref="TransitionStatus.Conflict"/>, never as a silent no-op. A change
/// that makes a job with a webhook final also writes its webhook delivery, in the same transaction, and
/// drops the PDF password from the job's options (<see cref="JobRow.OptionsAtRest"/>).
/// </summary>
public abstract partial class SqlJobStore(TimeProvider time) : IJobStore
{
    static SqlJobStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>The clock of every timestamp the store writes.</summary>
    protected TimeProvider Time => time;

    /// <summary>How this database writes what the shared statements write differently.</summary>
    internal abstract SqlDialect Dialect { get; }

    /// <summary>Opens a connection, ready for use.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection to the same database, for the tables that live beside the jobs.</summary>
    internal Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// Held around each write of the job table. By default nothing (PostgreSQL locks rows and lets
    /// writers of different jobs run together); see the SQLite store for why it queues its writers.
    /// </summary>
    protected virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>Whether the database refused a row for a unique index.</summary>
    protected abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Picks the job to claim, fairly between owners (a job's owner is its <c>owner_id</c>, jobs
    /// without one sharing the empty owner): owners below <c>@cap</c> jobs processing in the pool (any
    /// number when <c>@cap</c> is 0), the owner with the fewest processing first, then the owner whose
    /// last job in the pool started longest ago (never: first), then within the owner as before — the
    /// highest priority, the oldest. It reads the pool's due jobs (twice: their owners, then the jobs of
    /// the owners that may be served), its processing jobs (no more than the slots) and, once per
    /// waiting owner, an index seek for its last start (<c>owners</c> is materialised so SQLite does
    /// not repeat it per job); the sort is over the due jobs, which the tiers' concurrent-job limits
    /// bound per caller (11,000 due jobs and 100,000 old ones: about 3 ms in SQLite). PostgreSQL adds
    /// <c>FOR UPDATE OF j SKIP LOCKED</c>.
    /// </summary>
    protected virtual string ClaimCandidateSql => """
        WITH running AS (
            SELECT COALESCE(owner_id, '') AS owner, COUNT(*) AS n FROM jobs
            WHERE state = 'processing' AND pool = @pool
            GROUP BY COALESCE(owner_id, '')
        ),
        waiting AS (
            SELECT DISTINCT COALESCE(owner_id, '') AS owner FROM jobs
            WHERE state = 'pending' AND pool = @pool AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
        ),
        owners AS MATERIALIZED (
            SELECT w.owner, COALESCE(r.n, 0) AS running,
                   COALESCE((SELECT s.started_at FROM jobs s
                             WHERE s.pool = @pool AND COALESCE(s.owner_id, '') = w.owner AND s.started_at IS NOT NULL
                             ORDER BY s.started_at DESC
                             LIMIT 1), 0) AS served
            FROM waiting w LEFT JOIN running r ON r.owner = w.owner
            WHERE @cap = 0 OR COALESCE(r.n, 0) < @cap
        )
        SELECT j.id FROM jobs j JOIN owners o ON o.owner = COALESCE(j.owner_id, '')
        WHERE j.state = 'pending' AND j.pool = @pool AND (j.next_attempt_at IS NULL OR j.next_attempt_at <= @now)
        ORDER BY o.running, o.served, j.priority DESC, j.created_at, j.id
        LIMIT 1
        """;

    /// <summary>Reads a job's row inside a write transaction, locked where the database locks rows.</summary>
    protected virtual string LockJobSql => $"SELECT {TableColumns.Jobs} FROM jobs WHERE id = @jobId";

    /// <inheritdoc />
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a new job's row; its parameters are <see cref="JobRow.InsertParameters"/>.</summary>
    protected const string InsertJobSql = """
        INSERT INTO jobs (id, state, owner_id, pool, priority, options, file_name, file_kind, file_size, file_sha256,
                          input_key, max_retries, progress, created_at, started_at, completed_at, result, result_expires_at,
                          idempotency_key, request_hash, trace_parent)
        VALUES (@id, @state, @owner_id, @pool, @priority, @options, @file_name, @file_kind, @file_size, @file_sha256,
                @input_key, @max_retries, @progress, @created_at, @started_at, @completed_at, @result, @result_expires_at,
                @idempotency_key, @request_hash, @trace_parent)
        """;

    /// <inheritdoc />
    public virtual async Task CreateAsync(Job job, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(InsertJobSql, JobRow.InsertParameters(job), tx);
        }
        catch (DbException ex) when (job.IdempotencyKey is { } key && IsUniqueViolation(ex))
        {
            throw new IdempotencyKeyTakenException(key, ex);
        }
        await AppendEventAsync(connection, tx, job.Id, JobEventKinds.Created, null, job.State, actor,
            job.Result?.Cached == true ? "served from the result cache" : null, null);
        if (JobStateMachine.IsFinal(job.State)) await SqlWebhookOutbox.AddForFinalJobAsync(connection, tx, job, time.GetUtcNow());
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<Job?> ClaimAsync(string pool, string workerId, TimeSpan lease, int maxRunningPerOwner, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRunningPerOwner);
        var now = time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        // Idle workers look first with a read, so an empty queue never takes the single write lock
        // that submissions need. SQLite's one writer also makes the owner cap exact: the counts are
        // read in the write transaction that claims.
        var due = await connection.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM jobs
                           WHERE state = 'pending' AND pool = @pool AND (next_attempt_at IS NULL OR next_attempt_at <= @now))
            """, new { pool, now = now.ToUnixTimeMilliseconds() });
        if (!due) return null;
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(ClaimUpdateSql, ClaimParameters(pool, workerId, lease, maxRunningPerOwner, now), tx);
        if (row is null) return null;
        await AppendEventAsync(connection, tx, row.Id, JobEventKinds.Claimed, JobState.Pending, JobState.Processing,
            $"worker:{workerId}", $"attempt {row.Attempts}", null);
        await tx.CommitAsync(cancellationToken);
        return row.ToJob();
    }

    /// <summary>Moves the claim candidate to processing, leased to <c>@worker</c>, and returns its row.</summary>
    protected string ClaimUpdateSql => $"""
        UPDATE jobs
        SET state = 'processing', lease_owner = @worker, lease_expires_at = @expires, attempts = attempts + 1,
            started_at = @now, next_attempt_at = NULL, cancel_requested = FALSE, progress = @progress, version = version + 1
        WHERE id = ({ClaimCandidateSql})
          AND state = 'pending'
        RETURNING {TableColumns.Jobs}
        """;

    /// <summary>The parameters of <see cref="ClaimUpdateSql"/>.</summary>
    protected static DynamicParameters ClaimParameters(string pool, string workerId, TimeSpan lease, int maxRunningPerOwner, DateTimeOffset now) => new(new
    {
        worker = workerId,
        cap = maxRunningPerOwner,
        expires = (now + lease).ToUnixTimeMilliseconds(),
        now = now.ToUnixTimeMilliseconds(),
        pool,
        progress = StorageJson.Write(new JobProgress("downloading")),
    });

    /// <inheritdoc />
    public async Task<TransitionResult> TransitionAsync(JobTransition transition, CancellationToken cancellationToken)
    {
        foreach (var from in transition.Expected)
        {
            if (!JobStateMachine.CanTransition(from, transition.To))
            {
                throw new InvalidOperationException($"{from} -> {transition.To} is not a job transition.");
            }
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var to = JobRow.NameOf(transition.To);
        var final = JobStateMachine.IsFinal(transition.To);
        var expected = transition.Expected.Select(JobRow.NameOf).ToArray();
        var inList = string.Join(", ", expected.Select((_, i) => $"@e{i}"));
        var parameters = new DynamicParameters(new
        {
            id = transition.JobId,
            to,
            owner = transition.LeaseOwner,
            error = transition.Error is null ? null : StorageJson.Write(transition.Error),
            result = transition.Result is null ? null : StorageJson.Write(transition.Result),
            result_expires_at = JobRow.Millis(transition.ResultExpiresAt),
            next_attempt_at = JobRow.Millis(transition.NextAttemptAt),
            completed_at = final ? now : (long?)null,
            queued = StorageJson.Write(JobProgress.Queued),
        });
        for (var i = 0; i < expected.Length; i++) parameters.Add($"e{i}", expected[i]);

        await using var connection = await OpenAsync(cancellationToken);
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // The write lock is held from BEGIN IMMEDIATE, so the state read here is the state replaced below.
        var current = (await connection.QuerySingleOrDefaultAsync<JobRow>(LockJobSql, new { jobId = transition.JobId }, tx))?.ToJob();
        if (current is null) return new TransitionResult(TransitionStatus.NotFound, null);
        if (!transition.Expected.Contains(current.State) || (transition.LeaseOwner is not null && current.LeaseOwner != transition.LeaseOwner))
        {
            return new TransitionResult(TransitionStatus.Conflict, current);
        }
        parameters.Add("options", final ? JobRow.OptionsAtRest(current.Options, transition.To) : null, DbType.String);
        var row = await connection.QuerySingleAsync<JobRow>($"""
            UPDATE jobs
            SET state = @to,
                version = version + 1,
                lease_owner = NULL,
                lease_expires_at = NULL,
                cancel_requested = FALSE,
                error = CASE WHEN @to = 'completed' THEN NULL ELSE COALESCE(@error, error) END,
                result = COALESCE(@result, result),
                result_expires_at = COALESCE(@result_expires_at, result_expires_at),
                next_attempt_at = @next_attempt_at,
                progress = CASE WHEN @to = 'pending' THEN @queued ELSE progress END,
                completed_at = COALESCE(@completed_at, completed_at),
                options = COALESCE(@options, options)
            WHERE id = @id AND state IN ({inList}) AND (@owner IS NULL OR lease_owner = @owner)
            RETURNING {TableColumns.Jobs}
            """, parameters, tx);
        await AppendEventAsync(connection, tx, row.Id, transition.EventKind, current.State, transition.To,
            transition.Actor, transition.Message, transition.Error?.Code);
        var changed = row.ToJob();
        // The webhook's event is written with the change, so a final job never lacks it (or gets it twice).
        if (final) await SqlWebhookOutbox.AddForFinalJobAsync(connection, tx, changed, time.GetUtcNow());
        await tx.CommitAsync(cancellationToken);
        return new TransitionResult(TransitionStatus.Applied, changed);
    }

    /// <inheritdoc />
    public async Task<LeaseStatus> ReportProgressAsync(string jobId, string workerId, JobProgress progress, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        using var writing = await EnterWriteAsync(cancellationToken);
        var cancel = await connection.QuerySingleOrDefaultAsync<bool?>("""
            UPDATE jobs SET progress = @progress, lease_expires_at = @expires, version = version + 1
            WHERE id = @id AND state = 'processing' AND lease_owner = @worker
            RETURNING cancel_requested
            """, new { id = jobId, worker = workerId, progress = StorageJson.Write(progress), expires = (now + lease).ToUnixTimeMilliseconds() });
        return cancel is null ? new LeaseStatus(false, false) : new LeaseStatus(true, cancel.Value);
    }

    /// <inheritdoc />
    public Task<TransitionResult> RequestCancelAsync(string jobId, string actor, CancellationToken cancellationToken) =>
        FlagAsync(jobId, "cancel_requested = TRUE", "state = 'processing' AND NOT cancel_requested", JobEventKinds.CancelRequested, actor,
            "the worker stops at the next page", cancellationToken);

    /// <inheritdoc />
    public Task<TransitionResult> MarkPurgedAsync(string jobId, string actor, CancellationToken cancellationToken) =>
        FlagAsync(jobId, "purged = TRUE", "state IN ('completed', 'failed', 'cancelled') AND NOT purged", JobEventKinds.Purged, actor,
            "stored input and results deleted", cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Job>> RescueExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        var expired = await connection.QueryAsync<JobRow>(
            $"SELECT {TableColumns.Jobs} FROM jobs WHERE state = 'processing' AND lease_expires_at < @now", new { now = now.ToUnixTimeMilliseconds() });
        var rescued = new List<Job>();
        foreach (var job in expired.Select(r => r.ToJob()))
        {
            var retry = job.Attempts <= job.MaxRetries;
            var error = new JobError
            {
                Code = ServiceErrors.WorkerTimeout,
                Message = "The worker processing the job stopped answering; the job was taken back.",
                Retryable = retry,
                RetryCount = retry ? job.Attempts : job.Attempts - 1,
                MaxRetries = job.MaxRetries,
                NextRetryInSeconds = retry ? 0 : null,
            };
            var result = await TransitionAsync(new JobTransition
            {
                JobId = job.Id, Expected = [JobState.Processing], To = retry ? JobState.Pending : JobState.Failed,
                LeaseOwner = job.LeaseOwner, EventKind = retry ? JobEventKinds.RetryScheduled : JobEventKinds.Failed,
                Actor = "rescuer", Message = $"lease of {job.LeaseOwner} expired", Error = error,
            }, cancellationToken);
            if (result is { Applied: true, Job: { } changed }) rescued.Add(changed);
        }
        return rescued;
    }

    /// <inheritdoc />
    public virtual async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
    }

    private async Task<TransitionResult> FlagAsync(string jobId, string set, string where, string eventKind, string actor, string message, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(
            $"UPDATE jobs SET {set}, version = version + 1 WHERE id = @id AND {where} RETURNING {TableColumns.Jobs}", new { id = jobId }, tx);
        if (row is null)
        {
            var current = await GetAsync(connection, tx, jobId);
            return new TransitionResult(current is null ? TransitionStatus.NotFound : TransitionStatus.Conflict, current);
        }
        var state = JobRow.ParseState(row.State);
        await AppendEventAsync(connection, tx, jobId, eventKind, state, state, actor, message, null);
        await tx.CommitAsync(cancellationToken);
        return new TransitionResult(TransitionStatus.Applied, row.ToJob());
    }

    private static async Task<Job?> GetAsync(DbConnection connection, DbTransaction? tx, string jobId) =>
        (await connection.QuerySingleOrDefaultAsync<JobRow>($"SELECT {TableColumns.Jobs} FROM jobs WHERE id = @jobId", new { jobId }, tx))?.ToJob();

    private async Task AppendEventAsync(DbConnection connection, DbTransaction tx, string jobId, string kind, JobState? from, JobState? to, string actor, string? message, ErrorCode? code) =>
        await connection.ExecuteAsync("""
            INSERT INTO job_events (job_id, seq, at, kind, from_state, to_state, actor, message, code)
            VALUES (@jobId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_id = @jobId), @at, @kind, @from, @to, @actor, @message, @code)
            """, new
        {
            jobId,
            at = time.GetUtcNow().ToUnixTimeMilliseconds(),
            kind,
            from = from is { } f ? JobRow.NameOf(f) : null,
            to = to is { } t ? JobRow.NameOf(t) : null,
            actor,
            message,
            code = code is { } c ? c.Name : null,
        }, tx);

    private sealed class EventRow
    {
        public string JobId { get; set; } = "";
        public long Seq { get; set; }
        public long At { get; set; }
        public string Kind { get; set; } = "";
        public string? FromState { get; set; }
        public string? ToState { get; set; }
        public string Actor { get; set; } = "";
        public string? Message { get; set; }
        public string? Code { get; set; }

        public JobEvent ToEvent() => new(JobId, Seq, DateTimeOffset.FromUnixTimeMilliseconds(At), Kind,
            FromState is null ? null : JobRow.ParseState(FromState), ToState is null ? null : JobRow.ParseState(ToState),
            Actor, Message, Code is not null && ErrorCatalog.TryParse(Code, out var c) ? c : null);
    }
}
