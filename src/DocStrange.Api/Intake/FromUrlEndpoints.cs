using DocStrange.Api.Contracts;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Intake;

/// <summary>Submitting a document the server downloads.</summary>
public static class FromUrlEndpoints
{
    /// <summary>Maps <c>POST /documents/from-url</c>.</summary>
    public static RouteGroupBuilder MapFromUrlEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents/from-url", SubmitAsync)
            .WithName("SubmitDocumentFromUrl")
            .WithSummary("Download a document from an http(s) URL (public addresses only unless configured) and answer 202 with its job.")
            .Accepts<FromUrlRequest>("application/json", "application/x-www-form-urlencoded")
            .AcceptsIdempotencyKey().AnswersLocation(StatusCodes.Status202Accepted)
            .ProducesErrors([.. RouteErrors.Submission, ServiceErrors.UrlFetchFailed])
            .DisableAntiforgery();
        return api;
    }

    internal static async Task<Results<Accepted<SubmitResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, UrlFetcher fetcher, DocumentIntake intake, FromUrlOptions options, CancellationToken cancellationToken)
    {
        if (!options.Enabled) throw new DocStrangeException(ServiceErrors.UrlNotAllowed, "This server does not download documents; upload the file instead.",
            new Dictionary<string, object?> { ["reason"] = "disabled" });
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        var fields = await JsonOrFormFieldsReader.ReadAsync(http.Request, cancellationToken);
        var url = ParseUrl(JsonOrFormFieldsReader.Take(fields, "url"));
        // Options first: a misspelt option costs no admission and no download.
        var jobOptions = JobOptionsParser.Parse(fields);
        var submission = await intake.SubmitAsync(http, idempotencyKey, async (staged, limit, ct) =>
        {
            await fetcher.FetchAsync(url, staged, limit, ct);
            return jobOptions;
        }, cancellationToken);
        return TypedResults.Accepted(submission.Response.Links.Self, submission.Response);
    }

    private static Uri ParseUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest, "'url' is required: the http(s) address of the document.",
                new Dictionary<string, object?> { ["field"] = "url" });
        }
        if (text.Length > 2048 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host) && url.Scheme is "http" or "https")
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest, "'url' must be an absolute URL of at most 2048 characters.",
                new Dictionary<string, object?> { ["field"] = "url" });
        }
        if (url.Scheme is not ("http" or "https"))
        {
            throw new DocStrangeException(ServiceErrors.UrlNotAllowed, "Only http and https URLs can be downloaded.",
                new Dictionary<string, object?> { ["field"] = "url", ["url"] = url.AbsoluteUri, ["reason"] = "scheme" });
        }
        return url;
    }
}
