using DocStrange.Document.Files;
using DocStrange.Jobs;
using Prometheus;

namespace DocStrange.Api.Metrics;

/// <summary>Jobs accepted by this API process.</summary>
public sealed class SubmissionMetrics(CollectorRegistry registry)
{
    private readonly Counter _submitted = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("docstrange_jobs_submitted_total",
        "Jobs this API process accepted, by processing mode, input file type and outcome (created, or cached: served from the result cache). Replays of an idempotency key are not counted.",
        "mode", "file_type", "outcome");

    /// <summary>Counts a submission that made a job; a replay made none.</summary>
    public void Submitted(SubmitOutcome outcome)
    {
        if (outcome.Kind == SubmitKind.Replayed) return;
        var job = outcome.Job;
        _submitted.WithLabels(job.Options.ProcessingMode.ToString().ToLowerInvariant(), FileKinds.NameOf(job.Input.Kind),
            outcome.Kind.ToString().ToLowerInvariant()).Inc();
    }
}
