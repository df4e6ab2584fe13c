using DocStrange.Jobs.Webhooks;

namespace DocStrange.Api.Contracts;

/// <summary>A job's webhook as <c>GET /jobs/{id}</c> shows it: the URL and every event owed to it.</summary>
public sealed record WebhookView(string Url, IReadOnlyList<WebhookDeliveryView> Deliveries)
{
    /// <summary>The view of a webhook URL and its deliveries.</summary>
    public static WebhookView From(string url, IReadOnlyList<WebhookDelivery> deliveries) =>
        new(url, [.. deliveries.Select(WebhookDeliveryView.From)]);
}

/// <summary>One event and how its delivery went.</summary>
public sealed record WebhookDeliveryView(
    string Event, string EventId, int Attempts, WebhookDeliveryState State, int? LastStatus, string? LastError,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    /// <summary>The view of a stored delivery.</summary>
    public static WebhookDeliveryView From(WebhookDelivery d) => new(d.Event, d.EventId, d.Attempts, d.State, d.LastStatus, d.LastError,
        d.State == WebhookDeliveryState.Pending ? d.NextAttemptAt : null, d.DeliveredAt);
}
