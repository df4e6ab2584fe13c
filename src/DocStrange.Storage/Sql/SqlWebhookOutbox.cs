using System.Data.Common;
using Dapper;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Storage.Sql;

/// <summary>
/// The <c>webhook_deliveries</c> table, beside the jobs. Claims are compare-and-sets on the row's
/// <c>next_attempt_at</c>: the same statements serialise claimers on SQLite (one writer) and on
/// PostgreSQL (the second UPDATE re-reads the row and no longer matches).
/// </summary>
public sealed class SqlWebhookOutbox(SqlJobStore store, TimeProvider time) : IWebhookOutbox
{
    /// <summary>Writes the delivery a job that just became final owes its webhook, inside the transition's transaction.</summary>
    internal static async Task AddForFinalJobAsync(DbConnection connection, DbTransaction tx, Job job, DateTimeOffset now)
    {
        if (WebhookEvents.For(job, now) is not { } delivery) return;
        await connection.ExecuteAsync("""
            INSERT INTO webhook_deliveries (job_id, event, event_id, payload, attempts, next_attempt_at, state, created_at)
            VALUES (@JobId, @Event, @EventId, @Payload, 0, @at, 'pending', @at)
            """, new { delivery.JobId, delivery.Event, delivery.EventId, delivery.Payload, at = now.ToUnixTimeMilliseconds() }, tx);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var due = (await connection.QueryAsync<DeliveryRow>($"""
            SELECT {TableColumns.WebhookDeliveries} FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at, id LIMIT @limit
            """, new { now, limit })).ToList();
        var claimed = new List<WebhookDelivery>();
        foreach (var row in due)
        {
            var taken = await connection.QuerySingleOrDefaultAsync<DeliveryRow>($"""
                UPDATE webhook_deliveries SET next_attempt_at = @until
                WHERE id = @id AND state = 'pending' AND next_attempt_at = @seen
                RETURNING {TableColumns.WebhookDeliveries}
                """, new { id = row.Id, seen = row.NextAttemptAt, until = now + (long)lease.TotalMilliseconds });
            if (taken is not null) claimed.Add(taken.ToDelivery());
        }
        return claimed;
    }

    /// <inheritdoc />
    public async Task RecordAttemptAsync(long deliveryId, WebhookAttempt attempt, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var state = attempt.Succeeded ? "delivered" : retryAt is null ? "failed" : "pending";
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE webhook_deliveries
            SET attempts = attempts + 1, state = @state, last_status = @status, last_error = @error,
                next_attempt_at = @next, delivered_at = @delivered
            WHERE id = @id AND state = 'pending'
            """, new
        {
            id = deliveryId,
            state,
            status = (long?)attempt.Status,
            error = attempt.Error is { Length: > 500 } e ? e[..500] : attempt.Error,
            next = state == "pending" ? JobRow.Millis(retryAt) : null,
            delivered = attempt.Succeeded ? time.GetUtcNow().ToUnixTimeMilliseconds() : (long?)null,
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookDelivery>> ListForJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>($"SELECT {TableColumns.WebhookDeliveries} FROM webhook_deliveries WHERE job_id = @jobId ORDER BY id", new { jobId });
        return [.. rows.Select(r => r.ToDelivery())];
    }

    private sealed class DeliveryRow
    {
        public long Id { get; set; }
        public string JobId { get; set; } = "";
        public string Event { get; set; } = "";
        public string EventId { get; set; } = "";
        public string Payload { get; set; } = "";
        public long Attempts { get; set; }
        public long? NextAttemptAt { get; set; }
        public string State { get; set; } = "";
        public long? LastStatus { get; set; }
        public string? LastError { get; set; }
        public long CreatedAt { get; set; }
        public long? DeliveredAt { get; set; }

        public WebhookDelivery ToDelivery() => new()
        {
            Id = Id,
            JobId = JobId,
            Event = Event,
            EventId = EventId,
            Payload = Payload,
            Attempts = (int)Attempts,
            NextAttemptAt = NextAttemptAt is { } n ? DateTimeOffset.FromUnixTimeMilliseconds(n) : null,
            State = Enum.Parse<WebhookDeliveryState>(State, ignoreCase: true),
            LastStatus = (int?)LastStatus,
            LastError = LastError,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            DeliveredAt = DeliveredAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null,
        };
    }
}
