using DocStrange.Document.Errors;

namespace DocStrange.Jobs.Model;

/// <summary>Why an attempt failed: the code, a message fit for the client, safe details, and what happens next.</summary>
public sealed record JobError
{
    /// <summary>The error code.</summary>
    public required ErrorCode Code { get; init; }

    /// <summary>A message for the client; never an exception's internal text.</summary>
    public required string Message { get; init; }

    /// <summary>Structured facts (JSON-serialisable values).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    /// <summary>Whether the job will be (or could be) tried again.</summary>
    public bool Retryable { get; init; }

    /// <summary>Retries made so far.</summary>
    public int RetryCount { get; init; }

    /// <summary>Retries allowed.</summary>
    public int MaxRetries { get; init; }

    /// <summary>Seconds until the next attempt, when one is scheduled.</summary>
    public int? NextRetryInSeconds { get; init; }

    /// <summary>The error of a <see cref="DocStrangeException"/>.</summary>
    public static JobError From(DocStrangeException ex) => new() { Code = ex.Code, Message = ex.Message, Details = ex.Details };
}
