using System.Diagnostics;
using DocStrange.Document.Errors;
using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Logging;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Worker.Conversion;
using DocStrange.Worker.Metrics;
using DocStrange.Worker.Sandbox;
using DocStrange.Worker.Tracing;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Runs one attempt of a claimed job: input -> <see cref="IJobConversion"/> (the document read and every
/// asked format written, in a sandbox child or in process) -> stored results -> completion. Every way
/// an attempt can end is turned into exactly one compare-and-set on the job: completed, cancelled,
/// failed (or retried), or nothing when the lease was lost.
/// </summary>
public sealed class JobExecutor(
    IJobConversion conversions,
    IBlobStore blobs,
    IJobQueue queue,
    IJobReader reader,
    IJobChangeFeed changes,
    JobLifecycle lifecycle,
    JobsOptions jobsOptions,
    WorkerOptions options,
    WorkerMetrics metrics,
    IStorageFailureClassifier storageFailures,
    ILogger<JobExecutor> logger)
{
    /// <summary>
    /// Runs the attempt to its end; only the shutdown of the worker escapes as cancellation. Its span
    /// starts at <paramref name="claimStarted"/> (the claim that found the job), or now.
    /// </summary>
    public async Task RunAsync(Job job, string workerId, CancellationToken stopping, DateTimeOffset claimStarted = default)
    {
        using var span = WorkerActivities.StartJob(job, workerId, claimStarted == default ? DateTimeOffset.UtcNow : claimStarted);
        using var scope = logger.BeginScope(new LogFields(("job_id", job.Id), ("attempt", job.Attempts), ("trace_id", span.TraceId.ToHexString())));
        await using var monitor = new AttemptMonitor(queue, reader, changes, job, workerId, options, logger, stopping);
        try
        {
            var result = await WithinHardLimitAsync(job, ConvertAndStoreAsync(job, monitor));
            await FinishAsync(job, workerId, lifecycle.CompleteAsync(job, workerId, result, CancellationToken.None), "completed");
        }
        catch (OperationCanceledException) when (monitor.LeaseLost)
        {
            logger.LogWarning("Lost the lease of job {JobId}; another worker owns it now", job.Id);
        }
        catch (OperationCanceledException) when (monitor.CancelRequested)
        {
            // A cancelled job never shows a result, even one written just before the cancel was seen.
            foreach (var format in job.Options.Formats) await blobs.DeleteAsync(BlobKeys.Result(job.Id, format), CancellationToken.None);
            if (job.Options.Images == ImageMode.Files) await blobs.DeletePrefixAsync(BlobKeys.Image(job.Id, ""), CancellationToken.None);
            await blobs.DeletePrefixAsync(BlobKeys.JobPrefix(job.Id) + "pages/", CancellationToken.None);
            await FinishAsync(job, workerId, lifecycle.MarkCancelledAsync(job, workerId, CancellationToken.None), "cancelled");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await FinishAsync(job, workerId, lifecycle.ReleaseAsync(job, workerId, "worker shutting down", CancellationToken.None), "released");
            throw;
        }
        catch (OperationCanceledException) when (monitor.Token.IsCancellationRequested)
        {
            var timeout = new DocStrangeException(ServiceErrors.WorkerTimeout,
                $"The conversion did not finish within its time limit ({options.SoftTimeout.TotalMinutes:0.#} minutes).");
            await FinishAsync(job, workerId, lifecycle.FailAsync(job, workerId, timeout, CancellationToken.None), "timed out");
        }
        catch (DocStrangeException ex)
        {
            // The job keeps the stable message; what a reader met underneath (a parser's exception) is for this log only.
            logger.LogInformation(ex.InnerException, "Job {JobId} failed: {Code} {Message}", job.Id, ex.Code.Name, ex.Message);
            await FinishAsync(job, workerId, lifecycle.FailAsync(job, workerId, ex, CancellationToken.None), "failed");
        }
        catch (OutOfMemoryException ex)
        {
            // Converting in this process (no sandbox): the same document would run out again, so it is not retried.
            logger.LogError(ex, "Job {JobId} ran out of memory", job.Id);
            await FinishAsync(job, workerId, lifecycle.FailAsync(job, workerId, ResourceLimits.MemoryInProcess(), CancellationToken.None), "failed");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || storageFailures.Classify(ex) is not null)
        {
            logger.LogError(ex, "Storage error while running job {JobId}", job.Id);
            var error = new DocStrangeException(ServiceErrors.StorageError, "Reading or writing the job's files failed.");
            await FinishAsync(job, workerId, lifecycle.FailAsync(job, workerId, error, CancellationToken.None), "failed");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unexpected error while running job {JobId}", job.Id);
            var error = new DocStrangeException(ErrorCode.ProcessingError, "The conversion failed unexpectedly.");
            await FinishAsync(job, workerId, lifecycle.FailAsync(job, workerId, error, CancellationToken.None), "failed");
        }
    }

    /// <summary>
    /// Waits for the conversion up to the hard limit. A conversion still running then (one that does
    /// not honour cancellation) is abandoned: it keeps no slot, and whatever it may still write is never
    /// used, because the job has left the processing state this attempt holds.
    /// </summary>
    private async Task<JobResult> WithinHardLimitAsync(Job job, Task<JobResult> conversion)
    {
        try
        {
            return await conversion.WaitAsync(options.HardTimeout);
        }
        catch (TimeoutException)
        {
            _ = conversion.ContinueWith(t => logger.LogWarning(t.Exception, "An abandoned conversion of job {JobId} ended late", job.Id),
                TaskContinuationOptions.OnlyOnFaulted);
            throw new DocStrangeException(ServiceErrors.WorkerTimeout,
                $"The conversion did not stop within its hard time limit ({options.HardTimeout.TotalMinutes:0.#} minutes) and was abandoned.");
        }
    }

    private async Task<JobResult> ConvertAndStoreAsync(Job job, AttemptMonitor monitor)
    {
        var clock = Stopwatch.StartNew();
        var ct = monitor.Token;
        await using var input = await blobs.OpenReadAsync(job.Input.BlobKey, ct)
            ?? throw new DocStrangeException(ServiceErrors.StorageError, "The job's input file is missing from storage.");

        monitor.Stage(ConversionStages.Parsing);
        var conversion = new ConversionOptions
        {
            Pages = PageSelection.Parse(job.Options.Pages),
            Password = job.Options.Password,
            Ocr = job.Options.Ocr,
            // The gpu pool is there for the model-based engine: auto means PaddleOCR on it.
            OcrEngine = job.Options.OcrEngine == OcrEngineChoice.Auto && job.Pool == Pools.Gpu ? OcrEngineChoice.Paddle : job.Options.OcrEngine,
            Languages = job.Options.Languages,
            IncludeNotes = job.Options.IncludeNotes,
            // Fixed at submission; a job stored before the limit was carried there has none, and gets the service's.
            MaxPages = job.Options.MaxPages ?? (jobsOptions.MaxPages > 0 ? jobsOptions.MaxPages : null),
            PageTimeout = options.PageTimeout,
            Fields = FieldRequest.From(job.Options.ExtractFields, job.Options.JsonSchema),
            ExtractMode = job.Options.ExtractMode,
            Images = job.Options.Images,
            ImageLimits = new ImageLimits { MaxImages = jobsOptions.MaxImages, MaxBytes = jobsOptions.MaxImageBytes },
        };
        var request = new ConversionRequest(job.Input.FileName, job.Input.Kind, conversion) { Progress = monitor };
        var export = new ExportOptions
        {
            TableSpans = job.Options.TableSpans,
            PageBreaks = job.Options.PageBreaks,
            Images = job.Options.Images,
            ChunkTokens = job.Options.ChunkTokens,
            ChunkOverlap = job.Options.ChunkOverlap,
        };
        await using var converted = await WorkerActivities.InSpanAsync("job.convert", () => TierPageLimit.NamedAsync(job,
            () => conversions.ConvertAsync(input, request, job.Options.Formats, export, ct)));

        monitor.Stage("exporting");
        using var storeSpan = WorkerActivities.StartStage("job.store");
        var sizes = new Dictionary<string, long>();
        foreach (var format in job.Options.Formats)
        {
            ct.ThrowIfCancellationRequested();
            await using var result = await converted.OpenAsync(format, ct);
            monitor.Stage("uploading");
            sizes[OutputFormats.NameOf(format)] = await blobs.PutAsync(BlobKeys.Result(job.Id, format), result, ct);
        }
        foreach (var page in converted.Summary.Pages)
        {
            foreach (var format in job.Options.Formats)
            {
                ct.ThrowIfCancellationRequested();
                await using var part = await converted.OpenPageAsync(format, page, ct);
                await blobs.PutAsync(BlobKeys.Page(job.Id, format, page), part, ct);
            }
        }
        var images = job.Options.Images == ImageMode.Files ? converted.Summary.Images : [];
        foreach (var name in images)
        {
            ct.ThrowIfCancellationRequested();
            await using var image = await converted.OpenImageAsync(name, ct);
            await blobs.PutAsync(BlobKeys.Image(job.Id, name), image, ct);
        }

        // The last chance to see a cancel or a lost lease before the result becomes visible.
        await monitor.FlushAsync(ct);
        ct.ThrowIfCancellationRequested();
        return new JobResult
        {
            PagesProcessed = converted.Summary.PagesProcessed,
            PageCount = converted.Summary.PageCount,
            OcrPages = converted.Summary.OcrPages,
            LayoutFallbackPages = converted.Summary.LayoutFallbackPages,
            ProcessingTimeMs = clock.ElapsedMilliseconds,
            Warnings = converted.Summary.Warnings,
            Sizes = sizes,
            Images = images,
            Pages = converted.Summary.Pages,
        };
    }

    private async Task FinishAsync(Job job, string workerId, Task<TransitionResult> transition, string outcome)
    {
        var result = await transition;
        WorkerActivities.Ended(result.Applied ? outcome : "superseded");
        if (result.Applied)
        {
            if (result.Job is { } after) metrics.AttemptFinished(job, after, released: outcome == "released");
            logger.LogInformation("Job {JobId} {Outcome} by {WorkerId}", job.Id, outcome, workerId);
        }
        else
        {
            // Someone else moved the job first (a cancel, the rescuer); their state stands.
            logger.LogWarning("Job {JobId} was not marked {Outcome}: it is {State} now", job.Id, outcome, result.Job?.State);
        }
    }
}
