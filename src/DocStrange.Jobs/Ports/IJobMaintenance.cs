using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>The job table's upkeep: taking back jobs of workers that stopped, and retention (files, then records).</summary>
public interface IJobMaintenance
{
    /// <summary>
    /// Returns processing jobs whose lease ran out to pending (or fails them when out of retries); the
    /// jobs this call changed, as it left them (a job another rescuer took first is not among them).
    /// </summary>
    Task<IReadOnlyList<Job>> RescueExpiredLeasesAsync(CancellationToken cancellationToken);

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
}
