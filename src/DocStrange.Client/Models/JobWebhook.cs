namespace DocStrange.Client;

/// <summary>A job's webhook: its URL and every event owed to it.</summary>
public sealed record JobWebhook
{
    /// <summary>The URL events are POSTed to.</summary>
    public string Url { get; init; } = "";

    /// <summary>One entry per event, with how its delivery went.</summary>
    public IReadOnlyList<WebhookDeliveryStatus> Deliveries { get; init; } = [];
}

/// <summary>One event's delivery: attempts, state (<c>pending</c>, <c>delivered</c>, <c>failed</c>) and the last answer.</summary>
public sealed record WebhookDeliveryStatus
{
    /// <summary>The event, e.g. <c>job.completed</c>.</summary>
    public string Event { get; init; } = "";

    /// <summary>The id the receiver de-duplicates on (also the <c>DocStrange-Event-Id</c> header).</summary>
    public string EventId { get; init; } = "";

    /// <summary>Attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public string State { get; init; } = "";

    /// <summary>The HTTP status of the last attempt, when one was received.</summary>
    public int? LastStatus { get; init; }

    /// <summary>Why the last attempt failed, when it did.</summary>
    public string? LastError { get; init; }

    /// <summary>When the next attempt is due, while pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
}
