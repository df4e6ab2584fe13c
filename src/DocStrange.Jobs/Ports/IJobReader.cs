using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>The job table's reads: single jobs, lists, history, look-ups by key or request, queue position, counts.</summary>
public interface IJobReader
{
    /// <summary>The job, or null when there is none with that id.</summary>
    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Jobs newest first, filtered, one page at a time.</summary>
    Task<JobListPage> ListAsync(JobListQuery query, CancellationToken cancellationToken);

    /// <summary>The job's history, oldest first.</summary>
    Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The owner's job that holds an idempotency key, or null.</summary>
    Task<Job?> FindByIdempotencyKeyAsync(string? ownerId, string key, CancellationToken cancellationToken);

    /// <summary>The owner's newest completed, unpurged job with this request hash completed since the given time, or null.</summary>
    Task<Job?> FindCachedAsync(string? ownerId, string requestHash, DateTimeOffset completedSince, CancellationToken cancellationToken);

    /// <summary>How many pending jobs of the same pool will be claimed before this one.</summary>
    Task<int> CountAheadAsync(Job job, CancellationToken cancellationToken);

    /// <summary>How many jobs are in each state, pool and priority now (one grouped count; for metrics).</summary>
    Task<IReadOnlyList<JobCount>> CountByStateAsync(CancellationToken cancellationToken);
}
