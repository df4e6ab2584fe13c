using System.Globalization;
using DocStrange.Cli.Commands;
using DocStrange.Cli.Progress;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>A job in words, for <c>status</c>, <c>jobs</c> and <c>events</c>.</summary>
internal static class JobDescription
{
    /// <summary>The progress part: <c>parsing 40%, 2/5 pages</c>.</summary>
    public static string ProgressOf(JobStatus job) =>
        new ProgressSnapshot(job.Progress.Stage, job.Progress.Percent, job.Progress.PagesDone, job.Progress.PagesTotal).ToString();

    /// <summary>One line per event: <c>processing parsing 40%, 2/5 pages</c>, and the error of a failed job.</summary>
    public static string EventLine(JobStatus job) =>
        $"{job.Status.ToWireName()} {ProgressOf(job)}" + (job.Error is { } error ? $" {error.Code}: {error.Message}" : "");

    /// <summary>The rows of <c>status</c>: a name and a value each.</summary>
    public static IEnumerable<string[]> Rows(JobStatus job)
    {
        yield return ["job", job.JobId];
        yield return ["status", job.Status.ToWireName() + (job.CancelRequested ? " (cancel requested)" : "")];
        yield return ["progress", ProgressOf(job)];
        if (job.QueuePosition is { } position) yield return ["queue", position.ToString(CultureInfo.InvariantCulture)];
        yield return ["file", string.Create(CultureInfo.InvariantCulture, $"{job.File.Name} ({job.File.Type}, {job.File.Size:N0} bytes)")];
        yield return ["formats", string.Join(",", job.Formats)];
        yield return ["attempts", job.Attempts.ToString(CultureInfo.InvariantCulture)];
        yield return ["created", UtcTimes.Format(job.CreatedAt)];
        yield return ["started", UtcTimes.Format(job.StartedAt)];
        yield return ["completed", UtcTimes.Format(job.CompletedAt)];
        if (job.Cached) yield return ["cached", "yes"];
        if (job.Error is { } error) yield return ["error", $"{error.Code}: {error.Message}"];
    }
}
