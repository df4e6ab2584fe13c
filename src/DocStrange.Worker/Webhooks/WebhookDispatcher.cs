using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Webhooks;
using DocStrange.Worker.Metrics;
using DocStrange.Worker.Tracing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker.Webhooks;

/// <summary>
/// Sends the webhook outbox: claims due deliveries (several dispatchers never take the same one),
/// POSTs each signed, and records the attempt — delivered on 2xx, otherwise tried again after an
/// exponential backoff with jitter until <see cref="WebhookOptions.MaxAttempts"/>, then failed.
/// </summary>
public sealed class WebhookDispatcher(
    IWebhookOutbox outbox, IJobReader store, WebhookPayload payloads, WebhookSender sender, WebhookOptions options,
    WorkerMetrics metrics, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Webhooks are off: DocStrange:Webhooks:Secret is not set");
            return;
        }
        using var timer = new PeriodicTimer(options.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    while (await DispatchDueAsync(stoppingToken) == Batch)
                    {
                        // A full batch: more may be due at once.
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Sending webhooks failed; trying again in {Interval}", options.PollInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; claimed deliveries are due again once their claim runs out.
        }
    }

    /// <summary>Claims one batch of due deliveries and sends them at once; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        // A claim outlives one attempt's timeout, so a slow receiver is never sent the same event twice at once.
        var claimed = await outbox.ClaimDueAsync(Batch, options.Timeout * 2 + TimeSpan.FromSeconds(5), cancellationToken);
        await Task.WhenAll(claimed.Select(d => DeliverAsync(d, cancellationToken)));
        return claimed.Count;
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        WebhookAttempt attempt;
        var job = await store.GetAsync(delivery.JobId, cancellationToken);
        using var span = WorkerActivities.StartWebhook(delivery, job);
        if (job?.Options.WebhookUrl is not { } url)
        {
            attempt = new WebhookAttempt(null, "the job or its webhook URL is gone");
            await outbox.RecordAttemptAsync(delivery.Id, attempt, null, cancellationToken);
            metrics.WebhookAttempted("failed");
            return;
        }
        var body = await payloads.BuildAsync(delivery, job, cancellationToken);
        attempt = await sender.SendAsync(url, delivery.EventId, body, cancellationToken);
        WorkerActivities.Attempted(span, attempt);
        var attempts = delivery.Attempts + 1;
        DateTimeOffset? retryAt = attempt.Succeeded || attempts >= options.MaxAttempts
            ? null
            : time.GetUtcNow() + WebhookBackoff.DelayAfter(attempts, options, Random.Shared.NextDouble());
        await outbox.RecordAttemptAsync(delivery.Id, attempt, retryAt, cancellationToken);
        metrics.WebhookAttempted(attempt.Succeeded ? "delivered" : retryAt is null ? "failed" : "retried");
        if (attempt.Succeeded) logger.LogInformation("Delivered {Event} {EventId} of job {JobId}", delivery.Event, delivery.EventId, delivery.JobId);
        else if (retryAt is null) logger.LogWarning("Gave up on {Event} {EventId} of job {JobId} after {Attempts} attempts: {Error}", delivery.Event, delivery.EventId, delivery.JobId, attempts, attempt.Error);
        else logger.LogInformation("Webhook {EventId} of job {JobId} failed ({Error}); next attempt at {RetryAt}", delivery.EventId, delivery.JobId, attempt.Error, retryAt);
    }
}
