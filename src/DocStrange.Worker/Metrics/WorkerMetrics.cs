using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;
using Prometheus;

namespace DocStrange.Worker.Metrics;

/// <summary>What this process's workers did: attempts by outcome, queue wait, conversion time, pages, retries, webhook deliveries, whether it leads maintenance. Labels are bounded sets, never ids or names.</summary>
public sealed class WorkerMetrics
{
    private readonly Counter _attempts;
    private readonly Counter _finished;
    private readonly Histogram _duration;
    private readonly Counter _pages;
    private readonly Histogram _queueWait;
    private readonly Counter _retries;
    private readonly Counter _webhooks;
    private readonly Counter _layoutFallbacks;
    private readonly Gauge _maintenanceLeader;

    /// <summary>Creates the metrics in the host's registry.</summary>
    public WorkerMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _attempts = factory.CreateCounter("docstrange_job_attempts_total",
            "Attempts this process's workers finished, by outcome (completed, failed, retried, cancelled, released) and error code.",
            "outcome", "code");
        _finished = factory.CreateCounter("docstrange_jobs_finished_total",
            "Jobs this process's workers brought to a final state, by status and processing mode.", "status", "mode");
        _duration = factory.CreateHistogram("docstrange_job_duration_seconds",
            "Conversion time of completed attempts (input read to results stored), by processing mode and input file type.",
            new HistogramConfiguration
            {
                LabelNames = ["mode", "file_type"],
                Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
            });
        _pages = factory.CreateCounter("docstrange_pages_processed_total",
            "Pages converted by this process's workers, by input file type and whether OCR read them.", "file_type", "ocr");
        _queueWait = factory.CreateHistogram("docstrange_job_queue_wait_seconds",
            "Time from submission to the first claim of jobs this process's workers claimed, by pool.",
            new HistogramConfiguration
            {
                LabelNames = ["pool"],
                Buckets = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
            });
        _retries = factory.CreateCounter("docstrange_job_retries_total",
            "Attempts this process's workers ended with a scheduled retry, by error code.", "code");
        _layoutFallbacks = factory.CreateCounter("docstrange_layout_fallbacks_total",
            "Pages whose layout would have lost or doubled a word and were laid out again without tables, in plain reading order, by input file type.",
            "file_type");
        _webhooks = factory.CreateCounter("docstrange_webhook_deliveries_total",
            "Webhook delivery attempts this process sent, by outcome (delivered; retried: failed, tried again later; failed: given up).", "outcome");
        _maintenanceLeader = factory.CreateGauge("docstrange_maintenance_leader",
            "1 while this process leads maintenance (lease rescue, retention), else 0; one worker of all leads at a time.");
    }

    /// <summary>
    /// Observes how long a just-claimed job waited. Only first attempts: the due time of a retry is cleared
    /// by the claim, and its wait is mostly the backoff, which is not queueing.
    /// </summary>
    public void Claimed(Job job)
    {
        if (job.Attempts != 1 || job.StartedAt is not { } claimedAt) return;
        _queueWait.WithLabels(job.Pool).Observe(Math.Max(0, (claimedAt - job.CreatedAt).TotalSeconds));
    }

    /// <summary>Counts one webhook delivery attempt by its outcome: <c>delivered</c>, <c>retried</c> or <c>failed</c>.</summary>
    public void WebhookAttempted(string outcome) => _webhooks.WithLabels(outcome).Inc();

    /// <summary>Sets whether this process leads maintenance now.</summary>
    public void MaintenanceLeader(bool leads) => _maintenanceLeader.Set(leads ? 1 : 0);

    /// <summary>
    /// Counts an attempt whose ending transition was applied: <paramref name="after"/> is the job as that
    /// transition left it, <paramref name="released"/> whether the worker gave it back on shutdown.
    /// </summary>
    public void AttemptFinished(Job before, Job after, bool released)
    {
        var outcome = after.State == JobState.Pending ? (released ? "released" : "retried") : NameOf(after.State);
        var code = !released && after.State is JobState.Failed or JobState.Pending && after.Error is { } error ? error.Code.Name : "";
        _attempts.WithLabels(outcome, code).Inc();
        if (outcome == "retried") _retries.WithLabels(code).Inc();

        var mode = NameOf(before.Options.ProcessingMode);
        if (after.State is JobState.Completed or JobState.Failed or JobState.Cancelled) _finished.WithLabels(NameOf(after.State), mode).Inc();
        if (after.State != JobState.Completed || after.Result is not { } result) return;

        var fileType = FileKinds.NameOf(before.Input.Kind);
        _duration.WithLabels(mode, fileType).Observe(result.ProcessingTimeMs / 1000.0);
        _pages.WithLabels(fileType, "false").Inc(Math.Max(0, result.PagesProcessed - result.OcrPages));
        _pages.WithLabels(fileType, "true").Inc(result.OcrPages);
        _layoutFallbacks.WithLabels(fileType).Inc(result.LayoutFallbackPages);
    }

    private static string NameOf<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
