using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>
/// The result cache's index (SPEC §5): which completed job of an owner holds the results of a request
/// (the SHA-256 of the file and the canonical options). It only points at jobs; the job table stays the
/// truth, so an entry whose job is gone, purged or too old is a miss, never a wrong answer.
/// </summary>
public interface IResultCache
{
    /// <summary>
    /// The owner's completed, unpurged job with this request hash that completed since
    /// <paramref name="completedSince"/>, or null when none is known.
    /// </summary>
    Task<Job?> FindAsync(string? ownerId, string requestHash, DateTimeOffset completedSince, CancellationToken cancellationToken);

    /// <summary>
    /// Records a job that just completed as the answer to its request until <paramref name="until"/>.
    /// Best effort: a cache that cannot record logs it and returns, because the job has completed anyway.
    /// </summary>
    Task RememberAsync(Job job, DateTimeOffset until, CancellationToken cancellationToken);
}
