using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tracing;
using Microsoft.Extensions.Logging;

namespace DocStrange.Jobs;

/// <summary>
/// Moves jobs through their life and tells whoever waits: every change goes through the store as a
/// compare-and-set, then wakes workers (new work) or watchers (a changed job). API and workers both
/// use it, so the rules of the state machine live in one place.
/// </summary>
public sealed class JobLifecycle(
    IJobStore store,
    IBlobStore blobs,
    IResultCache resultCache,
    IWorkSignal workSignal,
    IJobChangeFeed changes,
    RetryPolicy retries,
    JobsOptions options,
    TimeProvider time,
    ILogger<JobLifecycle> logger)
{
    /// <summary>
    /// Adds a job: the earlier job when the same request comes again with the same idempotency key
    /// (another request under that key is <c>IDEMPOTENCY_CONFLICT</c>); a job completed at once when
    /// an identical request completed within the cache period; otherwise a pending job, and its pool is woken.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(Job job, CancellationToken cancellationToken)
    {
        using var enqueue = JobActivities.StartEnqueue(job.Id, job.Pool);
        var outcome = await SubmitTracedAsync(job, cancellationToken);
        enqueue?.SetTag("docstrange.submit.outcome", outcome.Kind.ToString().ToLowerInvariant());
        return outcome;
    }

    private async Task<SubmitOutcome> SubmitTracedAsync(Job job, CancellationToken cancellationToken)
    {
        // The job carries the enqueue span's context (the request's when nothing listens), which the worker continues.
        job = job with { RequestHash = RequestHashes.Of(job.Input, job.Options), TraceParent = JobTraceContext.Current() };
        if (job.IdempotencyKey is { } key && await store.FindByIdempotencyKeyAsync(job.OwnerId, key, cancellationToken) is { } earlier)
        {
            return Replay(job, earlier);
        }

        var cached = await FromCacheAsync(job, cancellationToken);
        try
        {
            await store.CreateAsync(cached ?? job, "api", cancellationToken);
        }
        catch (IdempotencyKeyTakenException)
        {
            // A concurrent submission with the same key won the insert.
            var winner = await store.FindByIdempotencyKeyAsync(job.OwnerId, job.IdempotencyKey!, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency key was taken by a job that cannot be found.");
            if (cached is not null) await blobs.DeletePrefixAsync(BlobKeys.JobPrefix(job.Id) + "result", CancellationToken.None);
            return Replay(job, winner);
        }

        if (cached is not null)
        {
            await OnFinalAsync(cached);
            return new SubmitOutcome(cached, SubmitKind.Cached);
        }
        workSignal.Notify(job.Pool);
        return new SubmitOutcome(job, SubmitKind.Created);
    }

    private static SubmitOutcome Replay(Job job, Job earlier) =>
        RequestHashes.SameRequest(job, earlier)
            ? new SubmitOutcome(earlier, SubmitKind.Replayed)
            : throw new DocStrangeException(ServiceErrors.IdempotencyConflict,
                "This Idempotency-Key was used for another request; use a new key for a new request.",
                new Dictionary<string, object?> { ["idempotency_key"] = job.IdempotencyKey, ["job_id"] = earlier.Id });

    /// <summary>The job completed from an identical job's stored results, or null when there is none to copy.</summary>
    private async Task<Job?> FromCacheAsync(Job job, CancellationToken cancellationToken)
    {
        if (options.ResultCacheTtl <= TimeSpan.Zero) return null;
        var now = time.GetUtcNow();
        // Only the same owner's results: a hit across tenants would tell one tenant what another converted
        // (the file and the options), and hand it the other's result.
        if (await resultCache.FindAsync(job.OwnerId, job.RequestHash, now - options.ResultCacheTtl, cancellationToken) is not { Result: { } result } source) return null;

        var sizes = new Dictionary<string, long>();
        foreach (var format in job.Options.Formats)
        {
            var name = OutputFormats.NameOf(format);
            // The store copies the results itself; deleted meanwhile (or never sized): no cache hit, convert as usual.
            if (!result.Sizes.TryGetValue(name, out var size)
                || !await blobs.CopyAsync(BlobKeys.Result(source.Id, format), BlobKeys.Result(job.Id, format), cancellationToken))
            {
                return null;
            }
            sizes[name] = size;
        }
        foreach (var page in result.Pages)
        {
            foreach (var format in job.Options.Formats)
            {
                if (!await blobs.CopyAsync(BlobKeys.Page(source.Id, format, page), BlobKeys.Page(job.Id, format, page), cancellationToken)) return null;
            }
        }
        foreach (var image in result.Images)
        {
            if (!await blobs.CopyAsync(BlobKeys.Image(source.Id, image), BlobKeys.Image(job.Id, image), cancellationToken)) return null;
        }
        var completedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        return job with
        {
            State = JobState.Completed,
            Progress = new JobProgress(ProgressScale.Done, result.PagesProcessed, result.PagesProcessed),
            Result = result with { Cached = true, Sizes = sizes, ProcessingTimeMs = 0 },
            StartedAt = completedAt,
            CompletedAt = completedAt,
            ResultExpiresAt = completedAt + options.ResultRetention,
        };
    }

    /// <summary>
    /// Cancels a job: a pending one at once, a processing one by asking its worker to stop at the next
    /// page. A final job is a conflict (its state is returned unchanged).
    /// </summary>
    public async Task<TransitionResult> CancelAsync(string jobId, string actor, CancellationToken cancellationToken)
    {
        var result = await TransitionAsync(new JobTransition
        {
            JobId = jobId, Expected = [JobState.Pending], To = JobState.Cancelled,
            EventKind = JobEventKinds.Cancelled, Actor = actor, Message = "cancelled before it started",
        }, cancellationToken);
        if (result.Status != TransitionStatus.Conflict || result.Job?.State != JobState.Processing) return result;

        var requested = await store.RequestCancelAsync(jobId, actor, cancellationToken);
        if (requested.Applied) changes.Publish(jobId);
        return requested;
    }

    /// <summary>
    /// Claims the next due job of the pool for the worker, fairly between owners, skipping owners with
    /// <paramref name="maxRunningPerOwner"/> jobs processing in the pool (0: no cap; see <see cref="IJobQueue.ClaimAsync"/>).
    /// </summary>
    public async Task<Job?> ClaimAsync(string pool, string workerId, TimeSpan lease, int maxRunningPerOwner, CancellationToken cancellationToken)
    {
        var job = await store.ClaimAsync(pool, workerId, lease, maxRunningPerOwner, cancellationToken);
        if (job is not null) changes.Publish(job.Id);
        return job;
    }

    /// <summary>Completes a job the worker still holds, and records it as the cached answer to its request.</summary>
    public async Task<TransitionResult> CompleteAsync(Job job, string workerId, JobResult result, CancellationToken cancellationToken)
    {
        var completed = await TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = JobState.Completed, LeaseOwner = workerId,
            EventKind = JobEventKinds.Completed, Actor = Actor(workerId), Result = result,
            ResultExpiresAt = time.GetUtcNow() + options.ResultRetention,
        }, cancellationToken);
        if (completed.Applied && options.ResultCacheTtl > TimeSpan.Zero && completed.Job is { CompletedAt: { } at } done)
        {
            await resultCache.RememberAsync(done, at + options.ResultCacheTtl, CancellationToken.None);
        }
        return completed;
    }

    /// <summary>Ends a job the worker stopped because a cancel was asked.</summary>
    public Task<TransitionResult> MarkCancelledAsync(Job job, string workerId, CancellationToken cancellationToken) =>
        TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = JobState.Cancelled, LeaseOwner = workerId,
            EventKind = JobEventKinds.Cancelled, Actor = Actor(workerId), Message = "stopped at a page boundary",
        }, cancellationToken);

    /// <summary>
    /// Records a failed attempt: a transient error with retries left sends the job back to pending
    /// after a backoff; anything else fails it for good.
    /// </summary>
    public async Task<TransitionResult> FailAsync(Job job, string workerId, DocStrangeException error, CancellationToken cancellationToken)
    {
        var retryCount = Math.Max(0, job.Attempts - 1);
        var retry = ErrorCatalog.IsTransient(error.Code) && retries.CanRetry(job.Attempts, job.MaxRetries);
        var delay = retry ? retries.DelayAfter(job.Attempts) : (TimeSpan?)null;
        var jobError = JobError.From(error) with
        {
            Retryable = retry,
            RetryCount = retry ? retryCount + 1 : retryCount,
            MaxRetries = job.MaxRetries,
            NextRetryInSeconds = delay is { } d ? (int)Math.Ceiling(d.TotalSeconds) : null,
        };
        var result = await TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = retry ? JobState.Pending : JobState.Failed,
            LeaseOwner = workerId, EventKind = retry ? JobEventKinds.RetryScheduled : JobEventKinds.Failed,
            Actor = Actor(workerId), Message = error.Message, Error = jobError,
            NextAttemptAt = retry ? time.GetUtcNow() + delay : null,
        }, cancellationToken);
        if (result.Applied && retry) workSignal.Notify(job.Pool);
        return result;
    }

    /// <summary>Gives a job back to the queue untouched (a worker shutting down), without spending a retry.</summary>
    public async Task<TransitionResult> ReleaseAsync(Job job, string workerId, string reason, CancellationToken cancellationToken)
    {
        var result = await TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = JobState.Pending, LeaseOwner = workerId,
            EventKind = JobEventKinds.Released, Actor = Actor(workerId), Message = reason,
        }, cancellationToken);
        if (result.Applied) workSignal.Notify(job.Pool);
        return result;
    }

    /// <summary>Sends jobs whose worker stopped renewing its lease back to the queue.</summary>
    public async Task<int> RescueExpiredAsync(CancellationToken cancellationToken)
    {
        var rescued = await store.RescueExpiredLeasesAsync(cancellationToken);
        foreach (var job in rescued)
        {
            changes.Publish(job.Id);
            if (job.State == JobState.Pending) workSignal.Notify(job.Pool);
            else await OnFinalAsync(job);
        }
        return rescued.Count;
    }

    /// <summary>Applies a transition and announces it when it was made.</summary>
    public async Task<TransitionResult> TransitionAsync(JobTransition transition, CancellationToken cancellationToken)
    {
        var result = await store.TransitionAsync(transition, cancellationToken);
        if (!result.Applied) return result;
        changes.Publish(transition.JobId);
        if (result.Job is { } job && JobStateMachine.IsFinal(job.State)) await OnFinalAsync(job);
        return result;
    }

    /// <summary>
    /// Drops the upload of a job that will never run again. The transition has already happened, so
    /// a storage failure here is logged, not thrown: the job's state is right, and the file is only
    /// left for the retention sweep.
    /// </summary>
    private async Task OnFinalAsync(Job job)
    {
        if (!options.DeleteInputWhenFinal) return;
        try
        {
            await blobs.DeleteAsync(job.Input.BlobKey, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not delete the input of final job {JobId}", job.Id);
        }
    }

    private static string Actor(string workerId) => $"worker:{workerId}";
}
