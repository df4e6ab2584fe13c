using System.Text.Json.Serialization;

namespace DocStrange.Client;

/// <summary>A job as the server shows it (<c>GET /jobs/{id}</c>): status, progress, error and file.</summary>
public sealed record JobStatus
{
    /// <summary>The job's id.</summary>
    public string JobId { get; init; } = "";

    /// <summary>Where the job is in its lifecycle.</summary>
    public JobState Status { get; init; }

    /// <summary>How far the conversion has come.</summary>
    public JobProgress Progress { get; init; } = new();

    /// <summary>While pending: 1 + the jobs that go first; otherwise (and always in lists) null.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>Attempts started so far (0 while first pending).</summary>
    public int Attempts { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its last attempt started, if any.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it became final, if it has.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The output formats asked for, in order; the first is the default result.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>Set only when completed and the results are still stored.</summary>
    public string? ResultUrl { get; init; }

    /// <summary>Why it failed, or the last error of a job waiting for a retry; otherwise null.</summary>
    public JobError? Error { get; init; }

    /// <summary>The uploaded file.</summary>
    public JobFile File { get; init; } = new();

    /// <summary>True while a processing job has been asked to stop and has not stopped yet.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>Whether the result was copied from an identical earlier job (the result cache).</summary>
    public bool Cached { get; init; }

    /// <summary>The job's webhook and its deliveries, or null when none was asked.</summary>
    public JobWebhook? Webhook { get; init; }

    /// <summary>Where to follow the job.</summary>
    public JobLinks Links { get; init; } = new();

    /// <summary>Whether <see cref="Status"/> is final (completed, failed or cancelled).</summary>
    [JsonIgnore]
    public bool IsFinal => Status.IsFinal();
}
