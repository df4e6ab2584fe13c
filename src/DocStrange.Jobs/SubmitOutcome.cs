using DocStrange.Jobs.Model;

namespace DocStrange.Jobs;

/// <summary>What a submission became.</summary>
public enum SubmitKind
{
    /// <summary>A new job, queued.</summary>
    Created,

    /// <summary>The same request with the same idempotency key: the job made the first time.</summary>
    Replayed,

    /// <summary>A new job completed at once from an identical earlier job's result.</summary>
    Cached,
}

/// <summary>The job a submission led to, and how.</summary>
public sealed record SubmitOutcome(Job Job, SubmitKind Kind);
