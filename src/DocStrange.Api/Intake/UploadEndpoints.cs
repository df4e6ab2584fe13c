using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Intake;

/// <summary>
/// Resumable uploads for files over the single-request limit: create, append chunks at the offset the
/// server reports, ask the offset after a broken connection, complete into a job, or abort. Creating
/// and appending are refused with <c>QUOTA_EXCEEDED</c> once the caller's documents are used up, so a
/// spent quota cannot go on filling the store with uploads that could never be completed.
/// </summary>
public static class UploadEndpoints
{
    private const string OffsetHeader = "Upload-Offset";

    /// <summary>Maps <c>/uploads</c>.</summary>
    public static RouteGroupBuilder MapUploadEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/uploads", CreateAsync).WithName("CreateUpload")
            .WithSummary("Start a resumable upload of {file_name, size}; 201 with its id, offset 0 and the largest chunk accepted.")
            .Accepts<CreateUploadRequest>("application/json").DisableAntiforgery()
            .AnswersLocation(StatusCodes.Status201Created).WithResponseHeader(StatusCodes.Status201Created, OffsetHeader, Offset, "0: where the first chunk starts.")
            .ProducesErrors(ErrorCode.InvalidRequest, ErrorCode.InvalidFileType, ErrorCode.FileTooLarge, ErrorCode.FileEmpty, ServiceErrors.QuotaExceeded);
        api.MapPatch("/uploads/{id}", AppendAsync).WithName("AppendUploadChunk")
            .WithSummary("Append a chunk (raw bytes) at the offset given in Upload-Offset; 409 with the server's offset when it is not that.")
            .AddOpenApiOperationTransformer(DescribeChunkBodyAsync).DisableAntiforgery()
            .WithRequestHeader(OffsetHeader, Offset, "Where this chunk starts: the upload's offset.", required: true)
            .WithResponseHeader(StatusCodes.Status200OK, OffsetHeader, Offset, "The offset after this chunk.")
            .WithResponseHeader(StatusCodes.Status409Conflict, OffsetHeader, Offset, "The server's offset, where the next chunk must start.")
            .ProducesErrors(ErrorCode.InvalidRequest, ErrorCode.FileTooLarge, ServiceErrors.QuotaExceeded, ServiceErrors.StorageError)
            .ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status404NotFound).ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status409Conflict);
        // GET and HEAD are two operations: one id each, and HEAD answers the headers without the body.
        foreach (var (method, name) in new[] { ("GET", "GetUpload"), ("HEAD", "GetUploadOffset") })
        {
            api.MapMethods("/uploads/{id}", [method], GetAsync).WithName(name)
                .WithSummary(method == "GET" ? "The upload's offset (also in the Upload-Offset header), to resume after a broken connection."
                    : "The upload's offset in the Upload-Offset header and its size in Upload-Length, without a body.")
                .WithResponseHeader(StatusCodes.Status200OK, OffsetHeader, Offset, "Where the next chunk starts.")
                .WithResponseHeader(StatusCodes.Status200OK, "Upload-Length", Offset, "The whole file's size in bytes.")
                .ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status404NotFound);
        }
        api.MapPost("/uploads/{id}/complete", CompleteAsync).WithName("CompleteUpload")
            .WithSummary("Make a job of a fully received upload, with the same option fields as POST /documents; 202 with the job.")
            .Accepts<JobOptionsRequest>("application/json", "application/x-www-form-urlencoded").DisableAntiforgery()
            .AcceptsIdempotencyKey().AnswersLocation(StatusCodes.Status202Accepted)
            .ProducesErrors(RouteErrors.Submission)
            .ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status404NotFound).ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status409Conflict);
        api.MapDelete("/uploads/{id}", DeleteAsync).WithName("AbortUpload").WithSummary("Abort an upload and delete what it received.")
            .ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status404NotFound);
        return api;
    }

    internal static async Task<Results<Created<UploadView>, ProblemHttpResult>> CreateAsync(
        HttpContext http, ResumableUploads uploads, UploadOptions options, SubmissionAdmission admission, AcceptedFileTypes types,
        CancellationToken cancellationToken)
    {
        var fields = await JsonOrFormFieldsReader.ReadAsync(http.Request, cancellationToken);
        var fileName = FileNameOf(JsonOrFormFieldsReader.Take(fields, "file_name"), types);
        var size = SizeOf(JsonOrFormFieldsReader.Take(fields, "size"), fileName, options);
        // A tier's file-size limit holds for files that come in chunks too.
        if (http.GetCaller().Limits.MaxFileBytes is { } tierLimit && size > tierLimit)
        {
            throw new DocStrangeException(ErrorCode.FileTooLarge,
                $"The file is {Sizes.Format(size)}; the limit for your tier ({http.GetCaller().Tier}) is {Sizes.Format(tierLimit)}.",
                new Dictionary<string, object?> { ["file_size"] = size, ["max_size"] = tierLimit, ["tier"] = http.GetCaller().Tier, ["file_name"] = fileName });
        }
        if (fields.Keys.FirstOrDefault() is { } unknown)
        {
            throw Invalid(unknown, $"'{unknown}' is not a field of this route; send file_name and size, and the options when completing.");
        }
        await admission.EnsureQuotaLeftAsync(http.GetCaller(), cancellationToken);
        var manifest = await uploads.CreateAsync(http.GetCaller().OwnerId, fileName, size, cancellationToken);
        var view = ViewOf(manifest, options);
        SetOffset(http, manifest.Offset);
        return TypedResults.Created(view.Links.Self, view);
    }

    internal static async Task<Results<Ok<UploadView>, ProblemHttpResult>> AppendAsync(
        string id, HttpContext http, ResumableUploads uploads, UploadOptions options, SubmissionAdmission admission,
        CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is { } declared && declared > options.ChunkBytes)
        {
            // Before the body is read: a chunk this large is never taken in.
            return ApiProblems.For(http, ErrorCode.FileTooLarge, $"A chunk may be at most {Sizes.Format(options.ChunkBytes)}.",
                new Dictionary<string, object?> { ["request_size"] = declared, ["max_size"] = options.ChunkBytes, ["chunk_size"] = options.ChunkBytes });
        }
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = options.ChunkBytes;

        var offset = OffsetOf(http.Request);
        var manifest = await uploads.FindAsync(id, http.GetCaller().OwnerId, cancellationToken);
        if (manifest is null) return NotFound(http, id);
        if (offset != manifest.Offset) return Conflict(http, manifest, offset);
        // Before the chunk is read: an upload made while quota was left is not filled once it is gone.
        await admission.EnsureQuotaLeftAsync(http.GetCaller(), cancellationToken);
        var appended = await uploads.AppendAsync(manifest, http.Request.Body, cancellationToken);
        if (appended is null)
        {
            var latest = await uploads.FindAsync(id, http.GetCaller().OwnerId, cancellationToken);
            return latest is null ? NotFound(http, id) : Conflict(http, latest, offset);
        }
        SetOffset(http, appended.Offset);
        return TypedResults.Ok(ViewOf(appended, options));
    }

    internal static async Task<Results<Ok<UploadView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, ResumableUploads uploads, UploadOptions options, CancellationToken cancellationToken)
    {
        var manifest = await uploads.FindAsync(id, http.GetCaller().OwnerId, cancellationToken);
        if (manifest is null) return NotFound(http, id);
        SetOffset(http, manifest.Offset);
        http.Response.Headers["Upload-Length"] = manifest.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(ViewOf(manifest, options));
    }

    internal static async Task<Results<Accepted<SubmitResponse>, ProblemHttpResult>> CompleteAsync(
        string id, HttpContext http, ResumableUploads uploads, DocumentIntake intake, UploadOptions options,
        CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKeys.Of(http.Request);
        var manifest = await uploads.FindAsync(id, http.GetCaller().OwnerId, cancellationToken);
        if (manifest is null) return NotFound(http, id);
        if (manifest.Offset != manifest.Size)
        {
            return ApiProblems.For(http, ErrorCode.InvalidRequest,
                $"The upload has {manifest.Offset} of its {manifest.Size} bytes; send the rest before completing it.",
                new Dictionary<string, object?> { ["upload_id"] = id, ["offset"] = manifest.Offset, ["size"] = manifest.Size, ["reason"] = "upload_incomplete" },
                status: StatusCodes.Status409Conflict);
        }
        // The options come in a body of their own: parsed before the upload is admitted and copied into a staged input.
        var jobOptions = JobOptionsParser.Parse(await JsonOrFormFieldsReader.ReadAsync(http.Request, cancellationToken));
        var submission = await intake.SubmitAsync(http, idempotencyKey, async (staged, _, ct) =>
        {
            // The tier's file limit was checked when the upload was created; this one is the route's.
            await using var content = uploads.OpenContent(manifest);
            await staged.ReceiveAsync(content, manifest.FileName, new UploadLimit(options.MaxResumableBytes, null), ct);
            return jobOptions;
        }, cancellationToken);
        await uploads.DeleteAsync(id, CancellationToken.None);
        return TypedResults.Accepted(submission.Response.Links.Self, submission.Response);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, ResumableUploads uploads, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(id, http.GetCaller().OwnerId, cancellationToken) is null) return NotFound(http, id);
        await uploads.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static readonly Microsoft.OpenApi.OpenApiSchema Offset = Schemas.Integer(0);

    /// <summary>The chunk is raw bytes read from the body as it comes, not bound to a parameter.</summary>
    private static Task DescribeChunkBodyAsync(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
            {
                ["application/offset+octet-stream"] = new() { Schema = Schemas.Binary() },
                ["application/octet-stream"] = new() { Schema = Schemas.Binary() },
            },
        };
        return Task.CompletedTask;
    }

    private static UploadView ViewOf(UploadManifest manifest, UploadOptions options) => new(manifest.Id, manifest.FileName, manifest.Size, manifest.Offset,
        options.ChunkBytes, manifest.CreatedAt, manifest.ExpiresAt, new UploadLinks($"/api/v1/uploads/{manifest.Id}", $"/api/v1/uploads/{manifest.Id}/complete"));

    private static void SetOffset(HttpContext http, long offset) =>
        http.Response.Headers[OffsetHeader] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>404 for an upload that is not there, not the caller's, or expired: the three look the same from outside.</summary>
    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        ApiProblems.For(http, ErrorCode.InvalidRequest, $"There is no upload '{(id.Length <= 64 ? id : id[..64] + "…")}'; it may have expired.",
            new Dictionary<string, object?> { ["reason"] = "upload_not_found" }, status: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Conflict(HttpContext http, UploadManifest manifest, long sent)
    {
        SetOffset(http, manifest.Offset);
        return ApiProblems.For(http, ErrorCode.InvalidRequest,
            $"The upload is at offset {manifest.Offset}, not {sent}: send the chunk that starts at {manifest.Offset}.",
            new Dictionary<string, object?> { ["upload_id"] = manifest.Id, ["offset"] = manifest.Offset, ["sent_offset"] = sent, ["reason"] = "offset_mismatch" },
            status: StatusCodes.Status409Conflict);
    }

    private static long OffsetOf(HttpRequest request)
    {
        var text = request.Headers[OffsetHeader].ToString();
        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)) return offset;
        throw Invalid(OffsetHeader, $"'{OffsetHeader}' must be given: the offset in bytes where this chunk starts (GET the upload to learn it).");
    }

    private static string FileNameOf(string? raw, AcceptedFileTypes types)
    {
        var name = new string((raw ?? "").Replace('\\', '/').Split('/').Last().Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) throw Invalid("file_name", "'file_name' is required; its extension tells the document's type.");
        if (name.Length > 255) name = name[^255..];
        // Refused before any chunk: a type the intake will refuse is not worth uploading.
        types.Of(name);
        return name;
    }

    private static long SizeOf(string? text, string fileName, UploadOptions options)
    {
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            throw Invalid("size", "'size' is required: the whole file's size in bytes.");
        }
        if (size == 0) throw new DocStrangeException(ErrorCode.FileEmpty, $"'{fileName}' is empty.", new Dictionary<string, object?> { ["file_name"] = fileName });
        if (size > options.MaxResumableBytes)
        {
            throw new DocStrangeException(ErrorCode.FileTooLarge,
                $"The file is {Sizes.Format(size)}; the limit for resumable uploads is {Sizes.Format(options.MaxResumableBytes)}.",
                new Dictionary<string, object?> { ["file_size"] = size, ["max_size"] = options.MaxResumableBytes, ["file_name"] = fileName });
        }
        return size;
    }

    private static DocStrangeException Invalid(string field, string message) =>
        new(ErrorCode.InvalidRequest, message, new Dictionary<string, object?> { ["field"] = field });
}
