using DocStrange.Document.Files;
using DocStrange.Jobs;
using Prometheus;

namespace DocStrange.Api.Metrics;

/// <summary>Jobs accepted by this API process: counts, input sizes and result cache lookups.</summary>
public sealed class SubmissionMetrics
{
    private readonly Counter _submitted;
    private readonly Histogram _fileSize;
    private readonly Counter _cache;

    /// <summary>Creates the metrics in the host's registry.</summary>
    public SubmissionMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _submitted = factory.CreateCounter("docstrange_jobs_submitted_total",
            "Jobs this API process accepted, by processing mode, input file type and outcome (created, or cached: served from the result cache). Replays of an idempotency key are not counted.",
            "mode", "file_type", "outcome");
        _fileSize = factory.CreateHistogram("docstrange_file_size_bytes", "Sizes of the input files of accepted jobs, by input file type.",
            new HistogramConfiguration
            {
                LabelNames = ["file_type"],
                // 1 KiB to 1 GiB by factors of 4: the upload limit is configurable, so the top bucket is generous.
                Buckets = Histogram.ExponentialBuckets(1024, 4, 11),
            });
        _cache = factory.CreateCounter("docstrange_cache_requests_total",
            "Result cache lookups of accepted submissions, by result (hit, miss); none while the cache is off.", "result");
    }

    /// <summary>Counts a submission that made a job (a replay made none); <paramref name="cacheOn"/> whether the result cache was asked.</summary>
    public void Submitted(SubmitOutcome outcome, bool cacheOn)
    {
        if (outcome.Kind == SubmitKind.Replayed) return;
        var job = outcome.Job;
        var fileType = FileKinds.NameOf(job.Input.Kind);
        _submitted.WithLabels(job.Options.ProcessingMode.ToString().ToLowerInvariant(), fileType, outcome.Kind.ToString().ToLowerInvariant()).Inc();
        _fileSize.WithLabels(fileType).Observe(job.Input.Size);
        if (cacheOn) _cache.WithLabels(outcome.Kind == SubmitKind.Cached ? "hit" : "miss").Inc();
    }
}
