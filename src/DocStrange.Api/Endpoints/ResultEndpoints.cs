using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.Http;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>Fetching a completed job's results.</summary>
public static class ResultEndpoints
{
    /// <summary>The <c>format</c> of <c>/download</c> that gives the whole result as a zip.</summary>
    public const string ZipFormat = "zip";

    /// <summary>Maps <c>GET /jobs/{id}/result</c>, <c>GET /jobs/{id}/result/images/{name}</c> and <c>GET /jobs/{id}/download</c>.</summary>
    public static RouteGroupBuilder MapResultEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id}/result", GetResultAsync).WithName("GetResult")
            .WithSummary("The result in one of the job's formats (?format=), with the conversion's metadata.")
            .WithQuery("format", Schemas.Enum(OutputFormatNames.All), "One of the job's formats; default its first.")
            .WithQuery("page", Schemas.Integer(1), "One converted page (slide, sheet) alone, by its number; default the whole document.")
            .ProducesErrors(RouteErrors.Result);
        api.MapGet("/jobs/{id}/result/images/{name}", GetImageAsync).WithName("GetResultImage")
            .WithSummary("One image file of a result with images=files, by the name its Markdown links and JSON give (<page>-<n>.<ext>).")
            .AddOpenApiOperationTransformer(ResultDownload.DescribeImageAsync)
            .ProducesErrors([.. RouteErrors.Result, ServiceErrors.ImageNotFound]);
        api.MapGet("/jobs/{id}/download", DownloadAsync).WithName("DownloadResult")
            .WithSummary("The result as a file attachment (?format=), with the format's content type; format=zip gives every format and the image files in one zip.")
            .WithQuery("format", Schemas.Enum([.. OutputFormatNames.All, ZipFormat]), "One of the job's formats, or zip for all of them with the images; default its first.")
            .AddOpenApiOperationTransformer(ResultDownload.DescribeAsync)
            .ProducesErrors(RouteErrors.Result);
        return api;
    }

    // The content is streamed from storage into the JSON answer (StreamedResultView). A plain comment, not an
    // XML summary: the OpenAPI document takes a handler's summary in place of the route's own.
    // With ?page=N only that page's own stored part is read: a 1,000-page result is never opened whole.
    internal static async Task<Results<StreamedResultView, ProblemHttpResult>> GetResultAsync(
        string id, string? format, string? page, HttpContext http, IJobStore store, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var (job, chosen, problem) = await ResolveAsync(id, format, http, store, time, cancellationToken);
        if (problem is not null) return problem;
        if (PageProblem(http, job!, page, out var number) is { } pageProblem) return pageProblem;
        var key = number is { } n ? BlobKeys.Page(job!.Id, chosen, n) : BlobKeys.Result(job!.Id, chosen);
        var stream = await blobs.OpenReadAsync(key, cancellationToken);
        if (stream is null) return Missing(http, job);
        var result = job.Result ?? new JobResult();
        var metadata = new ResultMetadata(job.Input.FileName, FileKinds.NameOf(job.Input.Kind), job.Input.Size, result.PagesProcessed,
            result.PageCount, result.ProcessingTimeMs, result.OcrPages, result.Warnings, result.Cached);
        return new StreamedResultView(job.Id, OutputFormats.NameOf(chosen), metadata, stream);
    }

    /// <summary>Why <paramref name="page"/> cannot be served, or null with its number (null for the whole result).</summary>
    private static ProblemHttpResult? PageProblem(HttpContext http, Job job, string? page, out int? number)
    {
        number = null;
        if (string.IsNullOrEmpty(page)) return null;
        if (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return ApiProblems.For(http, ErrorCode.InvalidRequest, $"'page' must be a page number from 1; \"{page}\" is not one.",
                new Dictionary<string, object?> { ["field"] = "page" }, job.Id);
        }
        var pages = job.Result?.Pages ?? [];
        if (!pages.Contains(value))
        {
            return ApiProblems.For(http, ErrorCode.InvalidRequest,
                pages.Count == 0 ? "This result was stored before pages were kept apart; ask for the whole result." : $"Page {value} is not one of the result's pages.",
                new Dictionary<string, object?> { ["field"] = "page", ["pages_processed"] = pages.Count }, job.Id);
        }
        number = value;
        return null;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string? format, HttpContext http, IJobStore store, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var zip = string.Equals(format, ZipFormat, StringComparison.OrdinalIgnoreCase);
        var (job, chosen, problem) = await ResolveAsync(id, zip ? null : format, http, store, time, cancellationToken);
        if (problem is not null) return problem;
        if (zip)
        {
            var archive = await ResultZip.BuildAsync(job!, blobs, cancellationToken);
            if (archive is null) return Missing(http, job!);
            http.Response.Headers.ContentDisposition = AttachmentDisposition.For($"{job!.Input.FileName}.zip");
            return TypedResults.Stream(archive, ResultZip.MediaType);
        }
        var stream = await blobs.OpenReadAsync(BlobKeys.Result(job!.Id, chosen), cancellationToken);
        if (stream is null) return Missing(http, job);
        // The client's file name is only a label here: made safe for the header, never a path.
        http.Response.Headers.ContentDisposition = AttachmentDisposition.For($"{job.Input.FileName}.{OutputFormats.ExtensionOf(chosen)}");
        return TypedResults.Stream(stream, OutputFormats.MediaTypeOf(chosen));
    }

    // Only a name the result lists is looked up: any other (a path, "..", another job's) is not found, so no
    // caller's text ever becomes part of a storage key.
    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetImageAsync(
        string id, string name, HttpContext http, IJobStore store, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var (job, _, problem) = await ResolveAsync(id, null, http, store, time, cancellationToken);
        if (problem is not null) return problem;
        if (job!.Result?.Images.FirstOrDefault(i => string.Equals(i, name, StringComparison.Ordinal)) is not { } listed)
        {
            return ApiProblems.For(http, ServiceErrors.ImageNotFound, $"The job's result has no image '{name}'.",
                new Dictionary<string, object?> { ["name"] = name }, job.Id);
        }
        var stream = await blobs.OpenReadAsync(BlobKeys.Image(job.Id, listed), cancellationToken);
        if (stream is null) return Missing(http, job);
        return TypedResults.Stream(stream, ImageMediaTypes.Of(listed));
    }

    /// <summary>The job and format to serve, or the problem that says why there is nothing to serve.</summary>
    private static async Task<(Job? Job, OutputFormat Format, ProblemHttpResult? Problem)> ResolveAsync(
        string id, string? format, HttpContext http, IJobStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await JobEndpoints.FindAsync(id, http, store, cancellationToken);
        if (job is null) return (null, default, ApiProblems.JobNotFound(http, id));

        var problem = job.State switch
        {
            JobState.Pending or JobState.Processing => ApiProblems.For(http, ServiceErrors.ResultNotReady,
                $"The job is {job.State.ToString().ToLowerInvariant()}; its result is not ready yet.",
                new Dictionary<string, object?> { ["status"] = job.State.ToString().ToLowerInvariant() }, job.Id),
            JobState.Cancelled => ApiProblems.For(http, ServiceErrors.JobCancelled, "The job was cancelled; it has no result.", jobId: job.Id),
            JobState.Failed => ApiProblems.For(http, job.Error?.Code ?? ErrorCode.ProcessingError,
                job.Error?.Message ?? "The job failed.", job.Error?.Details, job.Id),
            _ when job.Purged => ApiProblems.For(http, ServiceErrors.ResultExpired, "The job's results were deleted.", jobId: job.Id),
            _ when job.ResultExpiresAt <= time.GetUtcNow() => ApiProblems.For(http, ServiceErrors.ResultExpired,
                "The job's results have passed their retention period and were removed.",
                new Dictionary<string, object?> { ["expired_at"] = job.ResultExpiresAt }, job.Id),
            _ => null,
        };
        if (problem is not null) return (job, default, problem);

        var chosen = job.Options.Formats[0];
        if (!string.IsNullOrEmpty(format) && (!OutputFormats.TryParse(format, out chosen) || !job.Options.Formats.Contains(chosen)))
        {
            var available = job.Options.Formats.Select(OutputFormats.NameOf).ToArray();
            return (job, default, ApiProblems.For(http, ErrorCode.InvalidRequest,
                $"This job's formats are {string.Join(", ", available)}; \"{format}\" is not one of them.",
                new Dictionary<string, object?> { ["field"] = "format", ["available"] = available }, job.Id));
        }
        return (job, chosen, null);
    }

    private static ProblemHttpResult Missing(HttpContext http, Job job) =>
        ApiProblems.For(http, ServiceErrors.StorageError, "The stored result could not be found.", jobId: job.Id);
}
