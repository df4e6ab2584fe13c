using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;

namespace DocStrange.Api.Contracts;

/// <summary>A job as clients see it (SPEC §2 <c>GET /jobs/{id}</c>).</summary>
public sealed record JobView(
    string JobId,
    JobState Status,
    ProgressView Progress,
    int? QueuePosition,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<string> Formats,
    string? ResultUrl,
    JobErrorView? Error,
    FileView File,
    bool CancelRequested,
    bool Cached,
    JobLinks Links)
{
    /// <summary>The job's webhook and its deliveries; null when the job has none.</summary>
    public WebhookView? Webhook { get; init; }

    /// <summary>The view of a job; <paramref name="queuePosition"/> only matters while pending.</summary>
    public static JobView From(Job job, int? queuePosition = null) => new(
        job.Id,
        job.State,
        new ProgressView(job.Progress.Percent(job.State), job.Progress.PagesDone, job.Progress.PagesTotal,
            JobStateMachine.IsFinal(job.State) ? ProgressScale.Done : job.Progress.Stage),
        job.State == JobState.Pending ? queuePosition : null,
        job.Attempts,
        job.CreatedAt,
        job.StartedAt,
        job.CompletedAt,
        [.. job.Options.Formats.Select(OutputFormats.NameOf)],
        job.State == JobState.Completed && !job.Purged ? $"/api/v1/jobs/{job.Id}/result" : null,
        job.Error is null ? null : JobErrorView.From(job.Error),
        new FileView(job.Input.FileName, FileKinds.NameOf(job.Input.Kind), job.Input.Size),
        job.CancelRequested,
        job.Result?.Cached == true,
        JobLinks.For(job.Id));
}

/// <summary>Progress of a job.</summary>
public sealed record ProgressView(int Percent, int PagesDone, int? PagesTotal, string Stage);

/// <summary>The submitted file.</summary>
public sealed record FileView(string Name, string Type, long Size);

/// <summary>A job's error with its retry state.</summary>
public sealed record JobErrorView(string Code, string Message, IReadOnlyDictionary<string, object?> Details, bool Retryable, int RetryCount, int MaxRetries, int? NextRetryInSeconds)
{
    /// <summary>The view of a stored error.</summary>
    public static JobErrorView From(JobError error) => new(error.Code.Name, error.Message, error.Details,
        error.Retryable, error.RetryCount, error.MaxRetries, error.NextRetryInSeconds);
}
