namespace DocStrange.Jobs.Model;

/// <summary>
/// One row of the job table, which is the truth about the job and also the queue. Instances are
/// snapshots: change a job only through <see cref="Ports.IJobStore"/> transitions.
/// </summary>
public sealed record Job
{
    /// <summary>The unguessable id, <c>job_</c> + 26 base-32 characters (128 random bits).</summary>
    public required string Id { get; init; }

    /// <summary>The current state.</summary>
    public required JobState State { get; init; }

    /// <summary>Who submitted it (API key id, or the anonymous caller's key); null when unauthenticated.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The pool whose workers may claim it.</summary>
    public string Pool { get; init; } = Pools.Cpu;

    /// <summary>What was asked.</summary>
    public required JobOptions Options { get; init; }

    /// <summary>The uploaded file.</summary>
    public required JobInput Input { get; init; }

    /// <summary>Attempts started (claims); a job in its first attempt has 1.</summary>
    public int Attempts { get; init; }

    /// <summary>Retries allowed after the first attempt.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Progress of the current attempt.</summary>
    public JobProgress Progress { get; init; } = JobProgress.Queued;

    /// <summary>The worker holding the lease while processing.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease runs out unless renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Not before this time may the job be claimed again (retry backoff).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Whether a cancel was asked while the job was processing; the worker stops at the next page.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>The last attempt's error (the job's error once it failed).</summary>
    public JobError? Error { get; init; }

    /// <summary>Facts about the result, once completed.</summary>
    public JobResult? Result { get; init; }

    /// <summary>When the stored results are deleted.</summary>
    public DateTimeOffset? ResultExpiresAt { get; init; }

    /// <summary>Whether the stored input and results were deleted by the caller.</summary>
    public bool Purged { get; init; }

    /// <summary>The caller's <c>Idempotency-Key</c>, when one was sent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the file and the canonical options: equal hashes ask for the same result.</summary>
    public string RequestHash { get; init; } = "";

    /// <summary>The W3C <c>traceparent</c> of the submission, which the worker and the webhook continue; null when it was not traced.</summary>
    public string? TraceParent { get; init; }

    /// <summary>When submitted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current attempt started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a final state.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Bumped by every change; long-polls and caches compare it.</summary>
    public long Version { get; init; }
}
