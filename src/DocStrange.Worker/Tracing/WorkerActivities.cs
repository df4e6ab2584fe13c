using System.Diagnostics;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Tracing;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Worker.Tracing;

/// <summary>
/// The worker's spans, each in the trace of the request that submitted the job: <c>job.process</c>
/// (one attempt, from its claim to its end) with <c>job.claim</c>, <c>job.convert</c> and <c>job.store</c>
/// inside, and <c>webhook.deliver</c> for each delivery attempt.
/// </summary>
public static class WorkerActivities
{
    /// <summary>The activity source of the workers.</summary>
    public static readonly ActivitySource Source = new("DocStrange.Worker");

    /// <summary>
    /// Starts the span of one attempt, dated from the start of the claim that found the job; always an
    /// activity, so the attempt's log lines carry the request's trace id even with tracing off.
    /// </summary>
    public static Activity StartJob(Job job, string workerId, DateTimeOffset claimStarted)
    {
        var activity = JobTraceContext.Continue(Source, "job.process", ActivityKind.Consumer, job.TraceParent, claimStarted)
            .SetTag(JobActivities.JobIdTag, job.Id)
            .SetTag(JobActivities.PoolTag, job.Pool)
            .SetTag("docstrange.job.attempt", job.Attempts)
            .SetTag("docstrange.worker.id", workerId);
        // The claim that found the job is only known to have been one once it returned: recorded afterwards.
        Source.StartActivity("job.claim", ActivityKind.Internal, activity.Context, startTime: claimStarted)?.Dispose();
        return activity;
    }

    /// <summary>A stage of the attempt (<c>job.store</c>); null when nothing listens.</summary>
    public static Activity? StartStage(string name) => Source.StartActivity(name);

    /// <summary>Runs <paramref name="work"/> inside a span of its own (<c>job.convert</c>), marked as an error when it throws.</summary>
    public static async Task<T> InSpanAsync<T>(string name, Func<Task<T>> work)
    {
        using var activity = Source.StartActivity(name);
        try
        {
            return await work();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// Records how the attempt ended on its span, the current activity while the attempt runs (nothing
    /// when another is current): an error status for a failure.
    /// </summary>
    public static void Ended(string outcome)
    {
        if (Activity.Current is not { OperationName: "job.process" } activity) return;
        activity.SetTag("docstrange.job.outcome", outcome);
        if (outcome is "failed" or "timed out") activity.SetStatus(ActivityStatusCode.Error, outcome);
    }

    /// <summary>The span of one delivery attempt, in the trace of the job it is about.</summary>
    public static Activity StartWebhook(WebhookDelivery delivery, Job? job) =>
        JobTraceContext.Continue(Source, "webhook.deliver", ActivityKind.Internal, job?.TraceParent)
            .SetTag(JobActivities.JobIdTag, delivery.JobId)
            .SetTag("docstrange.webhook.event", delivery.Event)
            .SetTag("docstrange.webhook.event_id", delivery.EventId)
            .SetTag("docstrange.webhook.attempt", delivery.Attempts + 1);

    /// <summary>Records the receiver's answer on the delivery's span; an error status when it was not accepted.</summary>
    public static void Attempted(Activity span, WebhookAttempt attempt)
    {
        if (attempt.Status is { } status) span.SetTag("http.response.status_code", status);
        if (!attempt.Succeeded) span.SetStatus(ActivityStatusCode.Error, attempt.Error);
    }
}
