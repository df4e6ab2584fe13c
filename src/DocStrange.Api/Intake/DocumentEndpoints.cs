using DocStrange.Api.Contracts;
using DocStrange.Api.OpenApi;
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
            .WithMultipartForm<DocumentUploadForm, RouteHandlerBuilder>()
            .AcceptsIdempotencyKey().AnswersLocation(StatusCodes.Status202Accepted)
            .ProducesErrors(RouteErrors.Submission)
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<Accepted<SubmitResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext http,
        MultipartUploadReader uploads,
        DocumentIntake intake,
        CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        // The option fields may follow the file part, so they are parsed once the file is staged.
        var submission = await intake.SubmitAsync(http, idempotencyKey, async (staged, limit, ct) =>
            JobOptionsParser.Parse(await uploads.ReadOneAsync(http.Request, staged, limit, null, ct)), cancellationToken);
        return TypedResults.Accepted(submission.Response.Links.Self, submission.Response);
    }
}
