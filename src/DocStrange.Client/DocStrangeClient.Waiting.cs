using System.Diagnostics;

namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>
    /// The longest <c>?wait</c> <see cref="WaitForCompletionAsync"/> asks for while a job is pending
    /// (default 20 s). Keep it within the server's <c>limits.max_wait_seconds</c> (default 60).
    /// </summary>
    public TimeSpan PendingPollWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The <c>?wait</c> used while a job is processing, so that progress is seen about once a second.</summary>
    private static readonly TimeSpan ProcessingPollWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Follows a job with long polls until it is final and returns its last status. It does not throw
    /// for a failed or cancelled job: inspect <see cref="JobStatus.Status"/> and <see cref="JobStatus.Error"/>.
    /// Each status read is reported to <paramref name="progress"/>. Throws <see cref="TimeoutException"/>
    /// when the job is not final after <paramref name="timeout"/> (null: wait as long as it takes).
    /// </summary>
    public async Task<JobStatus> WaitForCompletionAsync(string jobId, TimeSpan? timeout = null, IProgress<JobStatus>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "The timeout cannot be negative.");
        var clock = Stopwatch.StartNew();
        var job = await GetJobAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
        while (true)
        {
            progress?.Report(job);
            if (job.IsFinal) return job;
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Job {jobId} is still {job.Status.ToWireName()} after {timeout!.Value.TotalSeconds:0.###} s.");
            }
            // Long while pending (the answer comes as soon as a worker takes it); short while processing, for progress.
            var wait = job.Status == JobState.Processing ? ProcessingPollWait : PendingPollWait;
            if (remaining is { } left && left < wait) wait = left;
            job = await GetJobAsync(jobId, wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
