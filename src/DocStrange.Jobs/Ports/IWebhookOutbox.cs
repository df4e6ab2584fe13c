using DocStrange.Jobs.Webhooks;

namespace DocStrange.Jobs.Ports;

/// <summary>
/// The webhook outbox beside the job table. Rows are written by the store in the transaction that
/// makes a job with a webhook final; dispatchers claim due rows, send them, and record each attempt.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due pending deliveries: each is a compare-and-set that moves
    /// its next attempt to now + <paramref name="lease"/>, so concurrent dispatchers take distinct rows and
    /// a dispatcher that dies leaves its rows due again after the lease.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records an attempt: delivered on success; otherwise pending again at <paramref name="retryAt"/>, or failed when that is null.</summary>
    Task RecordAttemptAsync(long deliveryId, WebhookAttempt attempt, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>The job's deliveries, oldest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListForJobAsync(string jobId, CancellationToken cancellationToken);
}
