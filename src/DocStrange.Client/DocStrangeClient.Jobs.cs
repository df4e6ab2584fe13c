using System.Globalization;
using System.Runtime.CompilerServices;

namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>
    /// A job's status (<c>GET /jobs/{id}</c>). With <paramref name="wait"/>, the server holds the answer
    /// until the job's status changes or the wait passes (whole seconds, rounded up; the server's
    /// <c>limits.max_wait_seconds</c> is the most it accepts).
    /// </summary>
    public Task<JobStatus> GetJobAsync(string jobId, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        if (wait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(wait), "The wait cannot be negative.");
        var seconds = wait is { } w && w > TimeSpan.Zero ? ((long)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null;
        return SendForJsonAsync<JobStatus>(HttpMethod.Get, JobPath(jobId) + Query(("wait", seconds)), cancellationToken);
    }

    /// <summary>
    /// Cancels a pending or processing job, or deletes a final job's stored files (<c>DELETE /jobs/{id}</c>).
    /// A pending job comes back cancelled; a processing one comes back still processing with
    /// <see cref="JobStatus.CancelRequested"/> set, and stops at its next page.
    /// </summary>
    public Task<JobStatus> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<JobStatus>(HttpMethod.Delete, JobPath(jobId), cancellationToken);

    /// <summary>One page of jobs, newest first (<c>GET /jobs</c>), optionally only those in <paramref name="status"/> (<c>pending</c>, ...).</summary>
    public Task<JobList> ListJobsAsync(string? status = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = Query(("status", status), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor));
        return SendForJsonAsync<JobList>(HttpMethod.Get, ApiRoot + "jobs" + query, cancellationToken);
    }

    /// <summary>Every job, newest first, following the cursors page by page (<paramref name="pageSize"/> per request, 1–100).</summary>
    public async IAsyncEnumerable<JobStatus> ListAllJobsAsync(string? status = null, int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListJobsAsync(status, pageSize, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.Jobs) yield return job;
            cursor = page.HasMore ? page.NextCursor : null;
        }
        while (cursor is not null);
    }
}
