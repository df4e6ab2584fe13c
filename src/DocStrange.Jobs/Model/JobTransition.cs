namespace DocStrange.Jobs.Model;

/// <summary>
/// A compare-and-set state change: applied only if the job is in one of <see cref="Expected"/> (and,
/// when <see cref="LeaseOwner"/> is set, still leased by that worker). The store records it as an event.
/// </summary>
public sealed record JobTransition
{
    public required string JobId { get; init; }
    public required IReadOnlyList<JobState> Expected { get; init; }
    public required JobState To { get; init; }

    /// <summary>The event kind written to the history (<see cref="JobEventKinds"/>).</summary>
    public required string EventKind { get; init; }

    /// <summary>Who makes the change: <c>api</c>, <c>worker:&lt;id&gt;</c>, <c>rescuer</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>When set, the job must still be leased by this worker.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>A line for the history.</summary>
    public string? Message { get; init; }

    /// <summary>The attempt's error (kept on the job).</summary>
    public JobError? Error { get; init; }

    /// <summary>The result facts (completion).</summary>
    public JobResult? Result { get; init; }

    /// <summary>When a released job may be claimed again.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>When a completed job's results expire.</summary>
    public DateTimeOffset? ResultExpiresAt { get; init; }
}

/// <summary>How a transition went.</summary>
public enum TransitionStatus
{
    /// <summary>The job was in an expected state and has moved.</summary>
    Applied,

    /// <summary>No such job.</summary>
    NotFound,

    /// <summary>The job exists but was not in an expected state (or not leased by the caller); nothing changed.</summary>
    Conflict,
}

/// <summary>The outcome of a transition and the job as it now is (after the change, or as found on a conflict).</summary>
public sealed record TransitionResult(TransitionStatus Status, Job? Job)
{
    /// <summary>Whether the change was made.</summary>
    public bool Applied => Status == TransitionStatus.Applied;
}
