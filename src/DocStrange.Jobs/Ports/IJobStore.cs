using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>
/// The job table: the truth about every job and the queue workers claim from. Every state change is a
/// compare-and-set that also appends to the job's history. Failures of the database surface as
/// exceptions (never as "no job" or "nothing to do").
/// </summary>
public interface IJobStore
{
    /// <summary>Creates the tables or brings them to the newest schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a new job (pending, or completed when served from the cache) and its <c>created</c>
    /// event; throws <see cref="IdempotencyKeyTakenException"/> when its key is taken.
    /// </summary>
    Task CreateAsync(Job job, string actor, CancellationToken cancellationToken);

    /// <summary>The owner's job that holds an idempotency key, or null.</summary>
    Task<Job?> FindByIdempotencyKeyAsync(string? ownerId, string key, CancellationToken cancellationToken);

    /// <summary>The owner's newest completed, unpurged job with this request hash completed since the given time, or null.</summary>
    Task<Job?> FindCachedAsync(string? ownerId, string requestHash, DateTimeOffset completedSince, CancellationToken cancellationToken);

    /// <summary>The job, or null when there is none with that id.</summary>
    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Jobs newest first, filtered, one page at a time.</summary>
    Task<JobListPage> ListAsync(JobListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically moves the next due pending job of <paramref name="pool"/> to processing, leased to
    /// <paramref name="workerId"/> until now + <paramref name="lease"/>; null when none may be claimed.
    /// The next job is picked fairly between owners: an owner with fewer jobs processing in the pool
    /// goes first, then (between owners with as many) the one whose last job in the pool started
    /// longest ago, then the highest-priority, oldest job. An owner with
    /// <paramref name="maxRunningPerOwner"/> jobs processing in the pool is skipped, even when its jobs
    /// are all that is due (0: no cap). The cap holds against concurrent claimers.
    /// </summary>
    Task<Job?> ClaimAsync(string pool, string workerId, TimeSpan lease, int maxRunningPerOwner, CancellationToken cancellationToken);

    /// <summary>Applies a compare-and-set transition.</summary>
    Task<TransitionResult> TransitionAsync(JobTransition transition, CancellationToken cancellationToken);

    /// <summary>Records progress and renews the lease of a job the worker still holds; says whether it still holds it and whether a cancel was asked.</summary>
    Task<LeaseStatus> ReportProgressAsync(string jobId, string workerId, JobProgress progress, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Flags a processing job for cancellation at its next page boundary (an event, not a state change).</summary>
    Task<TransitionResult> RequestCancelAsync(string jobId, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Final jobs whose files are still stored and due to go, oldest first: results expired before
    /// <paramref name="now"/>, or (jobs without results) finished before <paramref name="finishedBefore"/>.
    /// </summary>
    Task<IReadOnlyList<Job>> ListExpiredAsync(DateTimeOffset now, DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a final job's stored files as deleted.</summary>
    Task<TransitionResult> MarkPurgedAsync(string jobId, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> records of purged jobs (their files already deleted) that
    /// ended before <paramref name="finishedBefore"/>, with their events and webhook deliveries; returns how many.
    /// </summary>
    Task<int> DeleteRecordsAsync(DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>The job's history, oldest first.</summary>
    Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>How many pending jobs of the same pool will be claimed before this one.</summary>
    Task<int> CountAheadAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Returns processing jobs whose lease ran out to pending (or fails them when out of retries); the number rescued.</summary>
    Task<IReadOnlyList<Job>> RescueExpiredLeasesAsync(CancellationToken cancellationToken);

    /// <summary>How many jobs are in each state, pool and priority now (one grouped count; for metrics).</summary>
    Task<IReadOnlyList<JobCount>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>Checks the database answers.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>A worker's view of its lease after a heartbeat.</summary>
public sealed record LeaseStatus(bool Held, bool CancelRequested);

/// <summary>The number of jobs that share a state, a pool and a priority.</summary>
public sealed record JobCount(JobState State, string Pool, JobPriority Priority, long Count);

/// <summary>A page of the job list: filter by owner and state, continue after a cursor.</summary>
public sealed record JobListQuery(string? OwnerId = null, JobState? State = null, string? Cursor = null, int Limit = 20);

/// <summary>One page of jobs, and the cursor of the next page when there is one.</summary>
public sealed record JobListPage(IReadOnlyList<Job> Items, string? NextCursor);
