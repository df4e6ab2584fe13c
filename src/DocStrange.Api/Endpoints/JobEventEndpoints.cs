using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.OpenApi;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>A job's changes as Server-Sent Events, through any API replica.</summary>
public static class JobEventEndpoints
{
    /// <summary>How long a quiet stream waits before it repeats the job's state (a keep-alive through proxies).</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps <c>GET /jobs/{id}/events</c>.</summary>
    public static RouteGroupBuilder MapJobEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id}/events", StreamAsync).WithName("StreamJobEvents")
            .WithSummary("Server-Sent Events: a `job` event with the job at every status or progress change, the last one final.")
            .AddOpenApiOperationTransformer(JobEventStream.DescribeAsync)
            .ProducesErrors(ServiceErrors.JobNotFound);
        return api;
    }

    internal static async Task<Results<ServerSentEventsResult<JobView>, ProblemHttpResult>> StreamAsync(
        string id, HttpContext http, IJobStore store, IJobChangeFeed changes, CancellationToken cancellationToken)
    {
        var job = await JobEndpoints.FindAsync(id, http, store, cancellationToken);
        if (job is null) return ApiProblems.JobNotFound(http, id);
        // Proxies must pass each event on at once (nginx honours this header).
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(EventsAsync(job.Id, store, changes, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JobView>> EventsAsync(string jobId, IJobStore store, IJobChangeFeed changes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var watch = changes.Watch(jobId);
        long sent = -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Subscribed first, then read: a change between the two is not missed.
            var job = await store.GetAsync(jobId, cancellationToken);
            if (job is null) yield break;
            if (job.Version != sent)
            {
                sent = job.Version;
                yield return new SseItem<JobView>(JobView.From(job), "job") { EventId = job.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            if (JobStateMachine.IsFinal(job.State)) yield break;
            if (!await watch.WaitAsync(KeepAlive, cancellationToken)) sent = -1;
        }
    }
}
