using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
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
            .AddOpenApiOperationTransformer(MultipartSubmissionSchema.DescribeAsync)
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<Accepted<BatchResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, MultipartUploadReader uploads, JobSubmitter submitter, IBlobStore blobs, BatchOptions options, CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        var batch = await uploads.ReadBatchAsync(http.Request, options.MaxFiles, cancellationToken);
        var pending = new Queue<BatchFile>(batch.Files.Where(f => f.Stored is not null));
        try
        {
            var jobOptions = JobOptionsParser.Parse(batch.Fields);
            var jobs = new List<BatchJob>();
            var errors = new List<BatchError>();
            for (var index = 0; index < batch.Files.Count; index++)
            {
                var file = batch.Files[index];
                if (file.Error is { } refused)
                {
                    errors.Add(ErrorOf(index, file.FileName, refused));
                    continue;
                }
                pending.Dequeue();
                try
                {
                    // Each file its own key under the batch's, so a retried batch replays file by file.
                    var key = idempotencyKey is null ? null : $"{idempotencyKey}#{index}";
                    var made = (await submitter.SubmitAsync(http, file.JobId!, file.Stored!, jobOptions, key, cancellationToken)).Response;
                    jobs.Add(new BatchJob(index, file.FileName, made.JobId, made.Status, made.EstimatedTimeMs, made.CreatedAt, made.Links, made.Cached));
                }
                catch (DocStrangeException ex)
                {
                    errors.Add(ErrorOf(index, file.FileName, ex));
                }
            }
            return TypedResults.Accepted((string?)null, new BatchResponse(jobs, errors));
        }
        catch
        {
            // Files not yet made into jobs are dropped; jobs already made stand and can be seen in GET /jobs.
            foreach (var file in pending) await blobs.DeleteAsync(BlobKeys.Input(file.JobId!), CancellationToken.None);
            throw;
        }
    }

    private static BatchError ErrorOf(int index, string fileName, DocStrangeException ex)
    {
        var details = new Dictionary<string, object?>(ex.Details) { ["file_name"] = fileName };
        return new BatchError(index, fileName, new ApiError(ErrorCatalog.Get(ex.Code).Name, ex.Message, details));
    }
}
