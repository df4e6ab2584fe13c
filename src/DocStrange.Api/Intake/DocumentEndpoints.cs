using DocStrange.Api.Contracts;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Intake;

/// <summary>Submitting documents.</summary>
public static class DocumentEndpoints
{
    /// <summary>Maps <c>POST /documents</c>.</summary>
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents", SubmitAsync)
            .WithName("SubmitDocument")
            .WithSummary("Upload a document; answers 202 with the job at once.")
            .AddOpenApiOperationTransformer(MultipartSubmissionSchema.DescribeAsync)
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<Accepted<SubmitResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext http,
        MultipartUploadReader uploads,
        JobSubmitter submitter,
        IBlobStore blobs,
        CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        var jobId = JobIds.New();
        var form = await uploads.ReadAsync(http.Request, BlobKeys.Input(jobId), cancellationToken);
        JobOptions jobOptions;
        try
        {
            jobOptions = JobOptionsParser.Parse(form.Fields);
        }
        catch
        {
            await blobs.DeleteAsync(BlobKeys.Input(jobId), CancellationToken.None);
            throw;
        }
        var submission = await submitter.SubmitAsync(http, jobId, form.File, jobOptions, idempotencyKey, cancellationToken);
        return TypedResults.Accepted(submission.Response.Links.Self, submission.Response);
    }
}
