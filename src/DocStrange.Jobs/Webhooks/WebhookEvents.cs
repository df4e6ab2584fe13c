using System.Security.Cryptography;
using System.Text.Json;
using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Webhooks;

/// <summary>The webhook events and the outbox row a final job gets.</summary>
public static class WebhookEvents
{
    /// <summary>The job completed.</summary>
    public const string Completed = "job.completed";

    /// <summary>The job failed for good (not sent for a failure that will be retried).</summary>
    public const string Failed = "job.failed";

    /// <summary>The job was cancelled.</summary>
    public const string Cancelled = "job.cancelled";

    /// <summary>The event of a final state, or null for a state that sends none.</summary>
    public static string? For(JobState state) => state switch
    {
        JobState.Completed => Completed,
        JobState.Failed => Failed,
        JobState.Cancelled => Cancelled,
        _ => null,
    };

    /// <summary>A new event id: <c>evt_</c> + 32 hex digits (128 random bits).</summary>
    public static string NewEventId() => "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The delivery a job that just became final owes its webhook, or null when it has no webhook or
    /// its state sends no event. Its id is assigned by the store.
    /// </summary>
    public static WebhookDelivery? For(Job job, DateTimeOffset now)
    {
        if (job.Options.WebhookUrl is null || For(job.State) is not { } name) return null;
        var eventId = NewEventId();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event"] = name,
            ["event_id"] = eventId,
            ["job_id"] = job.Id,
            ["status"] = name[4..],
            ["timestamp"] = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
        return new WebhookDelivery { Id = 0, JobId = job.Id, Event = name, EventId = eventId, Payload = payload, NextAttemptAt = now, CreatedAt = now };
    }
}
