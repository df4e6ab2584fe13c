namespace DocStrange.Jobs.Webhooks;

/// <summary>One event to deliver to a job's webhook (a row of the outbox), with the outcome of its attempts.</summary>
public sealed record WebhookDelivery
{
    /// <summary>The outbox row's id.</summary>
    public required long Id { get; init; }

    /// <summary>The job the event is about.</summary>
    public required string JobId { get; init; }

    /// <summary>The event name (<see cref="WebhookEvents"/>).</summary>
    public required string Event { get; init; }

    /// <summary>The unique event id receivers de-duplicate on (<c>evt_</c> + random).</summary>
    public required string EventId { get; init; }

    /// <summary>The event's fixed facts as JSON (event, ids, status, timestamp), written when the job became final.</summary>
    public required string Payload { get; init; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next attempt is due (while pending).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Where the delivery stands.</summary>
    public WebhookDeliveryState State { get; init; } = WebhookDeliveryState.Pending;

    /// <summary>The HTTP status of the last attempt, when the receiver answered.</summary>
    public int? LastStatus { get; init; }

    /// <summary>Why the last attempt failed, when it did.</summary>
    public string? LastError { get; init; }

    /// <summary>When the row was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
}

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Not delivered yet; another attempt is due.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after the last attempt.</summary>
    Failed,
}

/// <summary>The outcome of one delivery attempt: the receiver's status (when it answered) and an error (when it failed).</summary>
public sealed record WebhookAttempt(int? Status, string? Error)
{
    /// <summary>Whether the receiver accepted the delivery (2xx).</summary>
    public bool Succeeded => Status is >= 200 and < 300;
}
