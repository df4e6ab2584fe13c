using System.Globalization;
using DocStrange.Api.Contracts;
using DocStrange.Api.Endpoints;
using DocStrange.Api.Http;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Intake;

/// <summary>Submitting a small document and waiting for its result in the same request.</summary>
public static class SyncEndpoints
{
    /// <summary>Maps <c>POST /documents/sync</c>.</summary>
    public static RouteGroupBuilder MapSyncEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents/sync", SubmitAsync)
            .WithName("ConvertDocumentSync")
            .WithSummary("Upload a small document and wait (?wait=N s) for its result: 200 with the result, the job's error, or 202 with the job while it still runs.")
            .WithMultipartForm<DocumentUploadForm, RouteHandlerBuilder>()
            .WithQuery("wait", Schemas.Integer(0), "Seconds to wait for the result (default 30, at most the server's limit) before answering 202 with the job.")
            .WithQuery("format", Schemas.Enum(OutputFormatNames.All), "Which of the submission's formats to answer with; default the first.")
            .AcceptsIdempotencyKey().AnswersLocation(StatusCodes.Status202Accepted)
            .ProducesErrors([.. RouteErrors.Submission, .. RouteErrors.Result])
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<StreamedResultView, Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        string? wait, string? format, HttpContext http, MultipartUploadReader uploads, DocumentIntake intake, IJobStore store, IBlobStore blobs,
        IJobChangeFeed changes, SyncOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        var waitFor = WaitOf(wait, options);
        var submission = await intake.SubmitAsync(http, idempotencyKey, async (staged, limit, ct) =>
        {
            var fields = await ReadSmallAsync(http.Request, uploads, staged, limit, options, ct);
            var jobOptions = JobOptionsParser.Parse(fields);
            CheckFormat(format, jobOptions);
            return jobOptions;
        }, cancellationToken);

        var job = await WaitFinalAsync(submission.Job, waitFor, store, changes, cancellationToken);
        if (!JobStateMachine.IsFinal(job.State))
        {
            // Still running: the job keeps going and the client follows it; never a timeout that hides running work.
            var position = job.State == JobState.Pending ? await store.CountAheadAsync(job, cancellationToken) + 1 : (int?)null;
            return TypedResults.Accepted(submission.Response.Links.Self, JobView.From(job, position));
        }
        var answer = await ResultEndpoints.GetResultAsync(job.Id, format, null, http, store, blobs, time, cancellationToken);
        return answer.Result switch
        {
            StreamedResultView ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("The result route answered with an unexpected result."),
        };
    }

    /// <summary>Reads the form, its file into <paramref name="staged"/> under the route's own small limit unless the caller's tier allows even less.</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadSmallAsync(HttpRequest request, MultipartUploadReader uploads,
        StagedInput staged, UploadLimit tierLimit, SyncOptions options, CancellationToken cancellationToken)
    {
        const string hint = "Use POST /documents for larger files.";
        var limit = tierLimit.Bytes < options.MaxFileBytes ? tierLimit : new UploadLimit(options.MaxFileBytes, null);
        try
        {
            return await uploads.ReadOneAsync(request, staged, limit, hint, cancellationToken);
        }
        catch (DocStrangeException ex) when (ex.Code == ErrorCode.FileTooLarge && !ex.Message.EndsWith(hint, StringComparison.Ordinal))
        {
            throw new DocStrangeException(ex.Code, $"{ex.Message} {hint}", ex.Details);
        }
    }

    /// <summary>Waits on the job's change feed (no polling) until the job is final or the time is up; returns the latest read.</summary>
    private static async Task<Job> WaitFinalAsync(Job job, TimeSpan wait, IJobStore store, IJobChangeFeed changes, CancellationToken cancellationToken)
    {
        if (JobStateMachine.IsFinal(job.State) || wait <= TimeSpan.Zero) return job;
        var deadline = DateTime.UtcNow + wait;
        using var watch = changes.Watch(job.Id);
        // Read again after subscribing: a change between the submission and the subscription is not missed.
        job = await store.GetAsync(job.Id, cancellationToken) ?? job;
        while (!JobStateMachine.IsFinal(job.State))
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await watch.WaitAsync(remaining, cancellationToken)) break;
            job = await store.GetAsync(job.Id, cancellationToken) ?? job;
        }
        return job;
    }

    private static TimeSpan WaitOf(string? wait, SyncOptions options)
    {
        if (string.IsNullOrEmpty(wait)) return options.DefaultWait;
        if (int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= options.MaxWait.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        throw new DocStrangeException(ErrorCode.InvalidRequest,
            $"'wait' must be a whole number of seconds from 0 to {options.MaxWait.TotalSeconds:0}; \"{wait}\" is not.",
            new Dictionary<string, object?> { ["field"] = "wait" });
    }

    /// <summary>Refuses a <c>format</c> the job will not make before any job is made for it.</summary>
    private static void CheckFormat(string? format, JobOptions jobOptions)
    {
        if (string.IsNullOrEmpty(format)) return;
        if (OutputFormats.TryParse(format, out var chosen) && jobOptions.Formats.Contains(chosen)) return;
        var available = jobOptions.Formats.Select(OutputFormats.NameOf).ToArray();
        throw new DocStrangeException(ErrorCode.InvalidRequest,
            $"This submission's formats are {string.Join(", ", available)}; \"{format}\" is not one of them.",
            new Dictionary<string, object?> { ["field"] = "format", ["available"] = available });
    }
}
