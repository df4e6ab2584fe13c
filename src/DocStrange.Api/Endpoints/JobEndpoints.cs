using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.Http;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Jobs;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>Following, listing and cancelling jobs.</summary>
public static class JobEndpoints
{
    /// <summary>Maps <c>GET /jobs</c>, <c>GET /jobs/{id}</c> and <c>DELETE /jobs/{id}</c>.</summary>
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", ListAsync).WithName("ListJobs").WithSummary("The caller's jobs, newest first, with cursor pagination.")
            .WithQuery("status", Schemas.Enum(Enum.GetNames<JobState>().Select(n => n.ToLowerInvariant())), "Only jobs in this status.")
            .WithQuery("cursor", Schemas.Text(), "The next_cursor of the previous page.")
            .WithQuery("limit", Schemas.Integer(1, 100, 20), "Jobs per page.")
            .ProducesErrors(ErrorCode.InvalidRequest);
        api.MapGet("/jobs/{id}", GetAsync).WithName("GetJob")
            .WithSummary("A job's status and progress; ?wait=N holds the answer until the status changes or N seconds pass.")
            .WithQuery("wait", Schemas.Integer(0), "Seconds to hold the answer until the status changes (at most limits.max_wait_seconds of GET /system).")
            .ProducesErrors(ErrorCode.InvalidRequest, ServiceErrors.JobNotFound);
        api.MapDelete("/jobs/{id}", DeleteAsync).WithName("CancelJob")
            .WithSummary("Cancel a pending or running job; for a finished job, delete its stored input and results.")
            .ProducesErrors(ServiceErrors.JobNotFound, ServiceErrors.StorageError);
        return api;
    }

    internal static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(
        string id, string? wait, HttpContext http, IJobStore store, IJobChangeFeed changes, IWebhookOutbox webhooks, ResultLinks links, JobsOptions options,
        CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, http, store, cancellationToken);
        if (job is null) return ApiProblems.JobNotFound(http, id);
        var seconds = 0;
        if (!string.IsNullOrEmpty(wait) && (!int.TryParse(wait, out seconds) || seconds < 0 || seconds > options.MaxLongPoll.TotalSeconds))
        {
            return ApiProblems.For(http, ErrorCode.InvalidRequest,
                $"'wait' must be a whole number of seconds from 0 to {options.MaxLongPoll.TotalSeconds:0}; \"{wait}\" is not.",
                new Dictionary<string, object?> { ["field"] = "wait" });
        }
        if (seconds > 0 && !JobStateMachine.IsFinal(job.State))
        {
            job = await WaitForChangeAsync(job, TimeSpan.FromSeconds(seconds), store, changes, cancellationToken);
        }
        return TypedResults.Ok(await ViewAsync(job, store, webhooks, links, cancellationToken));
    }

    internal static async Task<Results<Ok<JobListView>, ProblemHttpResult>> ListAsync(
        string? status, string? cursor, string? limit, HttpContext http, IJobStore store, CancellationToken cancellationToken)
    {
        JobState? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<JobState>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return ApiProblems.For(http, ErrorCode.InvalidRequest, "'status' must be one of pending, processing, completed, failed, cancelled.",
                    new Dictionary<string, object?> { ["field"] = "status" });
            }
            state = parsed;
        }
        var take = 20;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, out take) || take is < 1 or > 100))
        {
            return ApiProblems.For(http, ErrorCode.InvalidRequest, $"'limit' must be a whole number from 1 to 100; \"{limit}\" is not.",
                new Dictionary<string, object?> { ["field"] = "limit" });
        }
        var page = await store.ListAsync(new JobListQuery(http.GetCaller().OwnerId, state, cursor, take), cancellationToken);
        return TypedResults.Ok(new JobListView([.. page.Items.Select(j => JobView.From(j))], page.NextCursor, page.NextCursor is not null));
    }

    internal static async Task<Results<Ok<JobView>, Accepted<JobView>, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, IJobStore store, IBlobStore blobs, JobLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, http, store, cancellationToken);
        if (job is null) return ApiProblems.JobNotFound(http, id);

        if (!JobStateMachine.IsFinal(job.State))
        {
            // The caller meant to stop the job. If it finished meanwhile, its outcome stands and its
            // results are kept: deleting them takes a DELETE made when the job is already final.
            var cancel = await lifecycle.CancelAsync(job.Id, "api", cancellationToken);
            job = cancel.Job ?? job;
            return JobStateMachine.IsFinal(job.State)
                ? TypedResults.Ok(JobView.From(job))
                : TypedResults.Accepted($"/api/v1/jobs/{job.Id}", JobView.From(job));
        }

        await blobs.DeletePrefixAsync(BlobKeys.JobPrefix(job.Id), cancellationToken);
        var purged = await store.MarkPurgedAsync(job.Id, "api", cancellationToken);
        return TypedResults.Ok(JobView.From(purged.Job ?? job));
    }

    /// <summary>
    /// The caller's job with this id, or null. Another tenant's job is null too, so its routes answer
    /// 404 as for a job that does not exist: a 403 would confirm the id is real.
    /// </summary>
    internal static async Task<Job?> FindAsync(string id, HttpContext http, IJobStore store, CancellationToken cancellationToken) =>
        JobIds.IsWellFormed(id) && await store.GetAsync(id, cancellationToken) is { } job && http.GetCaller().Owns(job.OwnerId) ? job : null;

    private static async Task<Job> WaitForChangeAsync(Job job, TimeSpan wait, IJobStore store, IJobChangeFeed changes, CancellationToken cancellationToken)
    {
        var initial = job.State;
        var deadline = DateTime.UtcNow + wait;
        using var watch = changes.Watch(job.Id);
        // Read again after subscribing: a change between the first read and the subscription is not missed.
        job = await store.GetAsync(job.Id, cancellationToken) ?? job;
        while (job.State == initial)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await watch.WaitAsync(remaining, cancellationToken)) break;
            job = await store.GetAsync(job.Id, cancellationToken) ?? job;
        }
        return job;
    }

    private static async Task<JobView> ViewAsync(Job job, IJobStore store, IWebhookOutbox webhooks, ResultLinks links, CancellationToken cancellationToken) =>
        JobView.From(job, job.State == JobState.Pending ? await store.CountAheadAsync(job, cancellationToken) + 1 : null) with
        {
            ResultUrl = await links.ForAsync(job),
            Webhook = job.Options.WebhookUrl is { } url ? WebhookView.From(url, await webhooks.ListForJobAsync(job.Id, cancellationToken)) : null,
        };
}
