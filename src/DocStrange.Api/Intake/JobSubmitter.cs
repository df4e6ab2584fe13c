using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Metrics;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Api.Intake;

/// <summary>
/// The one way a job is made from a stored input, whatever route brought the file in (upload, batch,
/// sync, from-url, resumable upload): webhook check, pool choice, the job owned by the request's caller,
/// <see cref="JobLifecycle.SubmitAsync"/> (idempotency and result cache), and the answer. The caller's
/// limits (quotas, concurrent jobs, the tier's page limit) are applied here, once the file is stored. Checks that
/// hold for every submission belong here, so every route gets them.
/// </summary>
internal sealed class JobSubmitter(
    JobLifecycle lifecycle,
    IBlobStore blobs,
    IWorkerDirectory workers,
    JobsOptions options,
    WebhookOptions webhooks,
    SubmissionAdmission admission,
    SubmissionMetrics metrics,
    TimeProvider time)
{
    /// <summary>
    /// Makes the job for <paramref name="file"/>, already stored under <see cref="BlobKeys.Input"/> of
    /// <paramref name="jobId"/>. The stored file is deleted when no job is made, and when a replay of an
    /// earlier submission answers (its own input is the one kept).
    /// </summary>
    public async Task<Submission> SubmitAsync(HttpContext http, string jobId, StoredUpload file, JobOptions jobOptions, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var inputKey = BlobKeys.Input(jobId);
        var caller = http.GetCaller();
        try
        {
            // The caller's limits: the ticket gives the reserved quota back unless a job is made.
            await using var ticket = await admission.AdmitAsync(caller, 1, cancellationToken);
            jobOptions = jobOptions with { MaxPages = EffectiveLimits.TierPageLimit(caller.Limits, options) };
            await WebhookUrlCheck.CheckAsync(jobOptions.WebhookUrl, webhooks, cancellationToken);
            var pool = await ChoosePoolAsync(jobOptions.ProcessingMode, file.Kind, cancellationToken);
            var job = new Job
            {
                Id = jobId,
                State = JobState.Pending,
                OwnerId = caller.OwnerId,
                Pool = pool,
                Options = jobOptions,
                Input = new JobInput(file.FileName, file.Kind, file.Size, file.Sha256, inputKey),
                MaxRetries = options.MaxRetries,
                IdempotencyKey = idempotencyKey,
                // The store keeps milliseconds; the answer shows the same instant a later read will.
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()),
            };
            var outcome = await lifecycle.SubmitAsync(job, CancellationToken.None);
            metrics.Submitted(outcome, cacheOn: options.ResultCacheTtl > TimeSpan.Zero);
            // A replay made no new job; a cache hit did, and counts as a document (SPEC §3).
            if (outcome.Kind != SubmitKind.Replayed) ticket.Keep();
            // A replay answers with the job made the first time; this input is not needed.
            if (outcome.Kind == SubmitKind.Replayed) await blobs.DeleteAsync(inputKey, CancellationToken.None);
            return new Submission(outcome.Job, ResponseFor(outcome));
        }
        catch
        {
            // The job was never created (or its creation is unknown and will be retried by the client): drop the file.
            await blobs.DeleteAsync(inputKey, CancellationToken.None);
            throw;
        }
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
            throw new DocStrangeException(ErrorCode.GpuUnavailable, "No GPU worker is live; submit with processing_mode=auto or cpu.",
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

/// <summary>A made (or replayed, or cached) job and the 202 answer that names it.</summary>
internal sealed record Submission(Job Job, SubmitResponse Response);
