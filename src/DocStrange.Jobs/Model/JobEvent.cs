using DocStrange.Document.Errors;

namespace DocStrange.Jobs.Model;

/// <summary>One entry of a job's append-only history: what happened, who did it, and the state before and after.</summary>
public sealed record JobEvent(
    string JobId,
    long Sequence,
    DateTimeOffset At,
    string Kind,
    JobState? From,
    JobState? To,
    string Actor,
    string? Message = null,
    ErrorCode? Code = null);

/// <summary>The kinds of <see cref="JobEvent"/>.</summary>
public static class JobEventKinds
{
    public const string Created = "created";
    public const string Claimed = "claimed";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string RetryScheduled = "retry_scheduled";
    public const string Released = "released";
    public const string CancelRequested = "cancel_requested";
    public const string Cancelled = "cancelled";
    public const string Purged = "purged";
}
