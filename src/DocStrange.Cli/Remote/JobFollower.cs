using DocStrange.Cli.Progress;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>Follows a job to its final status, reporting every change on the way.</summary>
internal static class JobFollower
{
    /// <summary>
    /// Follows the job's event stream; when the stream ends before the job is final (a proxy closing it, a
    /// server restarting), long polls take over, so the caller always gets the final job.
    /// </summary>
    public static async Task<JobStatus> FollowAsync(DocStrangeClient client, string jobId, Action<JobStatus> report, CancellationToken cancellationToken)
    {
        JobStatus? last = null;
        try
        {
            await foreach (var job in client.FollowEventsAsync(jobId, cancellationToken))
            {
                last = job;
                report(job);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && last is not null && !cancellationToken.IsCancellationRequested)
        {
            // The stream broke after it had started: the polls below go on from where the job is.
        }
        if (last is { IsFinal: true }) return last;
        return await client.WaitForCompletionAsync(jobId, progress: new Reporter<JobStatus>(report), cancellationToken: cancellationToken);
    }

    /// <summary>The job's progress for a progress board: its stage while processing, otherwise its status.</summary>
    public static ProgressSnapshot SnapshotOf(JobStatus job) => new(
        job.Status == JobState.Processing && job.Progress.Stage.Length > 0 ? job.Progress.Stage : job.Status.ToWireName(),
        job.Progress.Percent, job.Progress.PagesDone, job.Progress.PagesTotal);

    /// <summary>Why a final job has no result, in one line with its error code.</summary>
    public static string FailureOf(JobStatus job) => job.Error is { } error
        ? $"{error.Code}: {error.Message}"
        : job.Status == JobState.Cancelled ? $"{ErrorCodes.JobCancelled}: the job was cancelled" : $"the job is {job.Status.ToWireName()}";
}
