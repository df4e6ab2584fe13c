using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Jobs;
using DocStrange.Jobs.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Intake;

/// <summary>Submitting several documents with the same options in one request.</summary>
public static class BatchEndpoints
{
    /// <summary>Maps <c>POST /documents/batch</c>.</summary>
    public static RouteGroupBuilder MapBatchEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents/batch", SubmitAsync)
            .WithName("SubmitDocumentBatch")
            .WithSummary("Upload several documents (repeated 'file' parts) with shared options; 202 with a job per accepted file and an error per refused one.")
            .WithMultipartForm<BatchUploadForm, RouteHandlerBuilder>()
            .AcceptsIdempotencyKey()
            .ProducesErrors(RouteErrors.Submission)
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<Accepted<BatchResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, MultipartUploadReader uploads, DocumentIntake intake, BatchOptions options, JobsOptions jobsOptions, CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        var files = new List<BatchFile>();
        try
        {
            // Each file admitted and staged as it arrives; the options may come after the files, so they are parsed once all are in.
            var fields = await uploads.ReadManyAsync(http.Request, options.MaxFiles, UploadLimit.For(http, jobsOptions), async (fileName, body) =>
                files.Add(await BatchFile.ReceiveAsync(intake, http, fileName, body, files.Count(f => f.Staged is not null), cancellationToken)),
                cancellationToken);
            var jobOptions = JobOptionsParser.Parse(fields);
            var jobs = new List<BatchJob>();
            var errors = new List<BatchError>();
            for (var index = 0; index < files.Count; index++)
            {
                var file = files[index];
                if (file.Error is { } refused)
                {
                    errors.Add(ErrorOf(index, file.FileName, refused));
                    continue;
                }
                try
                {
                    // Each file its own key under the batch's, so a retried batch replays file by file.
                    var key = idempotencyKey is null ? null : $"{idempotencyKey}#{index}";
                    var made = (await intake.SubmitAsync(http, file.Admitted!, file.Staged!, jobOptions, key, cancellationToken)).Response;
                    jobs.Add(new BatchJob(index, file.FileName, made.JobId, made.Status, made.EstimatedTimeMs, made.CreatedAt, made.Links, made.Cached));
                }
                catch (DocStrangeException ex)
                {
                    errors.Add(ErrorOf(index, file.FileName, ex));
                }
            }
            return TypedResults.Accepted((string?)null, new BatchResponse(jobs, errors));
        }
        finally
        {
            // Files made into jobs are committed and stay; the others are deleted and their quota given back.
            foreach (var file in files) await file.DisposeAsync();
        }
    }

    private static BatchError ErrorOf(int index, string fileName, DocStrangeException ex)
    {
        var details = new Dictionary<string, object?>(ex.Details) { ["file_name"] = fileName };
        return new BatchError(index, fileName, new ApiError(ErrorCatalog.Get(ex.Code).Name, ex.Message, details));
    }
}
