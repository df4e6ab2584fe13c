using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.Uploads;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using DocStrange.Jobs.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>Submitting documents.</summary>
public static class DocumentEndpoints
{
    /// <summary>Maps <c>POST /documents</c>.</summary>
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents", SubmitAsync)
            .WithName("SubmitDocument")
            .WithSummary("Upload a document; answers 202 with the job at once.")
            .AddOpenApiOperationTransformer(SubmitDocumentForm.DescribeAsync)
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<Accepted<SubmitResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext http,
        MultipartUploadReader uploads,
        JobLifecycle lifecycle,
        SubmissionAdmission admission,
        IBlobStore blobs,
        IWorkerDirectory workers,
        JobsOptions options,
        WebhookOptions webhooks,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeyOf(http.Request);
        var caller = http.GetCaller();
        // Limits first, before a byte is stored; the ticket gives the quota back unless a job is made.
        await using var ticket = await admission.AdmitAsync(caller, 1, cancellationToken);
        var jobId = JobIds.New();
        var inputKey = BlobKeys.Input(jobId);
        var form = await uploads.ReadAsync(http.Request, inputKey, cancellationToken);
        try
        {
            var jobOptions = SubmitOptionsParser.Parse(form.Fields) with { MaxPages = EffectiveLimits.TierPageLimit(caller.Limits, options) };
            await WebhookUrlCheck.CheckAsync(jobOptions.WebhookUrl, webhooks, cancellationToken);
            var pool = await ChoosePoolAsync(jobOptions.ProcessingMode, form.File.Kind, workers, cancellationToken);
            var job = new Job
            {
                Id = jobId,
                State = JobState.Pending,
                OwnerId = caller.OwnerId,
                Pool = pool,
                Options = jobOptions,
                Input = new JobInput(form.File.FileName, form.File.Kind, form.File.Size, form.File.Sha256, inputKey),
                MaxRetries = options.MaxRetries,
                IdempotencyKey = idempotencyKey,
                // The store keeps milliseconds; the answer shows the same instant a later read will.
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()),
            };
            var outcome = await lifecycle.SubmitAsync(job, CancellationToken.None);
            // A replay made no new job; a cache hit did, and counts as a document (SPEC §3).
            if (outcome.Kind != SubmitKind.Replayed) ticket.Keep();
            // A replay answers with the job made the first time; this upload is not needed.
            if (outcome.Kind == SubmitKind.Replayed) await blobs.DeletePrefixAsync(inputKey, CancellationToken.None);
            var made = outcome.Job;
            var response = new SubmitResponse(made.Id, made.State, made.State == JobState.Completed ? 0 : Estimate(made.Input), made.CreatedAt,
                JobLinks.For(made.Id)) { Cached = outcome.Kind == SubmitKind.Cached || made.Result?.Cached == true };
            return TypedResults.Accepted(response.Links.Self, response);
        }
        catch
        {
            // The job was never created (or its creation is unknown and will be retried by the client): drop the file.
            await blobs.DeletePrefixAsync(inputKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The <c>Idempotency-Key</c> header: 1–255 printable ASCII characters, or absent.</summary>
    private static string? IdempotencyKeyOf(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("Idempotency-Key", out var values)) return null;
        var key = values.ToString();
        if (values.Count == 1 && key.Length is > 0 and <= 255 && key.All(c => c is >= '!' and <= '~')) return key;
        throw new DocStrangeException(ErrorCode.InvalidRequest, "'Idempotency-Key' must be one value of 1 to 255 printable characters without spaces.",
            new Dictionary<string, object?> { ["field"] = "Idempotency-Key" });
    }

    private static async Task<string> ChoosePoolAsync(ProcessingMode mode, FileKind kind, IWorkerDirectory workers, CancellationToken cancellationToken)
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
