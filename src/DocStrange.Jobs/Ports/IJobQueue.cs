using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>The job table as a queue: jobs go in, workers claim them, hold them by their lease and move them on.</summary>
public interface IJobQueue
{
    /// <summary>
    /// Inserts a new job (pending, or completed when served from the cache) and its <c>created</c>
    /// event; throws <see cref="IdempotencyKeyTakenException"/> when its key is taken.
    /// </summary>
    Task CreateAsync(Job job, string actor, CancellationToken cancellationToken);

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
}
