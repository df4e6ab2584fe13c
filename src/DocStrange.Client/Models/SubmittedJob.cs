namespace DocStrange.Client;

/// <summary>The answer to a submission: the new job's id, at once, before any work is done.</summary>
public sealed record SubmittedJob
{
    /// <summary>The job's id (<c>job_</c> + 26 characters).</summary>
    public string JobId { get; init; } = "";

    /// <summary>Always <see cref="JobState.Pending"/> for a new job.</summary>
    public JobState Status { get; init; }

    /// <summary>A rough first guess of when to look, in milliseconds; not a promise.</summary>
    public long EstimatedTimeMs { get; init; }

    /// <summary>When the job was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where to follow the job.</summary>
    public JobLinks Links { get; init; } = new();

    /// <summary>Whether the job was completed at once from an identical earlier job's result.</summary>
    public bool Cached { get; init; }
}
