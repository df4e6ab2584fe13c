using DocStrange.Api.Contracts;
using DocStrange.Api.Metrics;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Api.Intake;

/// <summary>
/// Makes the job of a staged input, whatever route brought the file in: webhook check, pool choice, the
/// job owned by the caller, <see cref="JobLifecycle.SubmitAsync"/> (idempotency and result cache), and the
/// answer. Checks that hold for every submission belong here, so every route gets them; admission and the
/// staged file's fate are <see cref="DocumentIntake"/>'s.
/// </summary>
internal sealed class JobSubmitter(
    JobLifecycle lifecycle,
    ILiveWorkers workers,
    JobsOptions options,
    WebhookOptions webhooks,
    SubmissionMetrics metrics,
    IFormatCatalog formats,
    LlmOptions llm,
    TimeProvider time)
{
    /// <summary>Makes (or replays, or answers from the cache) the job of <paramref name="staged"/>'s received file.</summary>
    public async Task<Submission> SubmitAsync(Caller caller, StagedInput staged, JobOptions jobOptions, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var file = staged.File ?? throw new InvalidOperationException("The staged input has received no file.");
        jobOptions = EffectiveLimits.WithPageLimit(jobOptions, caller.Limits, options);
        InstalledLanguages.Check(jobOptions, formats.OcrLanguages);
        OnePageKinds.Check(jobOptions, file.Kind);
        if (jobOptions.ExtractMode == ExtractMode.Llm && !llm.IsConfigured)
        {
            throw new DocStrangeException(ServiceErrors.LlmNotConfigured,
                "This server has no LLM engine configured (DocStrange:Llm); submit with extract_mode=auto or rules.",
                new Dictionary<string, object?> { ["field"] = "extract_mode" });
        }
        await WebhookUrlCheck.CheckAsync(jobOptions.WebhookUrl, webhooks, cancellationToken);
        var pool = await ChoosePoolAsync(jobOptions.ProcessingMode, file.Kind, cancellationToken);
        var job = new Job
        {
            Id = staged.JobId,
            State = JobState.Pending,
            OwnerId = caller.OwnerId,
            Pool = pool,
            Options = jobOptions,
            Input = new JobInput(file.FileName, file.Kind, file.Size, file.Sha256, staged.BlobKey),
            MaxRetries = options.MaxRetries,
            IdempotencyKey = idempotencyKey,
            // The store keeps milliseconds; the answer shows the same instant a later read will.
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
        var outcome = await lifecycle.SubmitAsync(job, CancellationToken.None);
        metrics.Submitted(outcome, cacheOn: options.ResultCacheTtl > TimeSpan.Zero);
        return new Submission(outcome.Job, outcome.Kind, ResponseFor(outcome));
    }

    private static SubmitResponse ResponseFor(SubmitOutcome outcome)
    {
        var made = outcome.Job;
        return new SubmitResponse(made.Id, made.State, made.State == JobState.Completed ? 0 : Estimate(made.Input), made.CreatedAt, JobLinks.For(made.Id))
        {
            Cached = outcome.Kind == SubmitKind.Cached || made.Result?.Cached == true,
        };
    }

    private async Task<string> ChoosePoolAsync(ProcessingMode mode, FileKind kind, CancellationToken cancellationToken)
    {
        // Only images can go to the GPU pool under auto: other submissions need no look at the workers.
        if (mode == ProcessingMode.Cpu || (mode == ProcessingMode.Auto && !FileKinds.IsImage(kind))) return Pools.Cpu;
        var gpu = await workers.CountAsync(Pools.Gpu, cancellationToken);
        if (mode == ProcessingMode.Gpu && gpu.Active == 0)
        {
            throw new DocStrangeException(ServiceErrors.GpuUnavailable, "No GPU worker is live; submit with processing_mode=auto or cpu.",
                new Dictionary<string, object?> { ["processing_mode"] = "gpu" });
        }
        // auto: images go to the GPU pool when it has a live worker; everything else to the CPU pool.
        return mode == ProcessingMode.Gpu || (gpu.Active > 0 && FileKinds.IsImage(kind)) ? Pools.Gpu : Pools.Cpu;
    }

    /// <summary>A rough guess for the client's first poll: a base cost plus a cost per megabyte.</summary>
    private static long Estimate(JobInput input)
    {
        var perMegabyte = FileKinds.IsImage(input.Kind) ? 2000 : input.Kind == FileKind.Pdf ? 400 : 100;
        return 200 + input.Size * perMegabyte / (1024 * 1024);
    }
}

/// <summary>A made (or replayed, or cached) job, which of them, and the 202 answer that names it.</summary>
internal sealed record Submission(Job Job, SubmitKind Kind, SubmitResponse Response);
