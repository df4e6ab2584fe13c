using System.Text.Json;

namespace DocStrange.Client;

/// <summary>A job's error with its retry state (the <c>error</c> member of a job).</summary>
public sealed record JobError
{
    /// <summary>The error code to act on; see <see cref="ErrorCodes"/>.</summary>
    public string Code { get; init; } = "";

    /// <summary>What went wrong, for people.</summary>
    public string Message { get; init; } = "";

    /// <summary>Structured facts; members depend on the code.</summary>
    public IReadOnlyDictionary<string, JsonElement> Details { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>True while the job is pending again and will be retried.</summary>
    public bool Retryable { get; init; }

    /// <summary>Retries made (or scheduled) so far.</summary>
    public int RetryCount { get; init; }

    /// <summary>The retries this job may make.</summary>
    public int MaxRetries { get; init; }

    /// <summary>When the next attempt is due, in seconds from the failure; null when none is.</summary>
    public int? NextRetryInSeconds { get; init; }
}
