using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace DocStrange.Api.Intake;

/// <summary>
/// Reads a <c>multipart/form-data</c> submission as it arrives: text fields into memory (each
/// bounded), the one <c>file</c> part straight to the blob store, checked on the way — extension
/// on the allow-list, first bytes agreeing with it, not empty, not over the size limit.
/// Whatever fails, nothing is left in storage.
/// </summary>
internal sealed class MultipartUploadReader(IBlobStore blobs, InputWriter inputs, JobsOptions jobs, ApiOptions api)
{
    /// <summary>Slack over the file limit for the multipart framing and the text fields.</summary>
    private const long FramingAllowance = 1024 * 1024;

    /// <summary>Reads a one-file submission with the upload limit of the request's caller (the smaller of the service's and its tier's).</summary>
    public Task<SubmittedForm> ReadAsync(HttpRequest request, string blobKey, CancellationToken cancellationToken) =>
        ReadAsync(request, blobKey, UploadLimit.For(request.HttpContext, jobs), null, cancellationToken);

    /// <summary>
    /// Reads a one-file submission whose file may be at most <paramref name="limit"/>; <paramref name="tooLargeHint"/>
    /// is added to the message of a request refused for its declared length.
    /// </summary>
    public async Task<SubmittedForm> ReadAsync(HttpRequest request, string blobKey, UploadLimit limit, string? tooLargeHint, CancellationToken cancellationToken)
    {
        StoredUpload? file = null;
        try
        {
            var fields = await ReadPartsAsync(request, limit, limit.Bytes, tooLargeHint, async (fileName, body) =>
            {
                if (file is not null) throw Invalid("Send one file per request: the 'file' part appears more than once.");
                file = await inputs.StoreAsync(body, fileName, blobKey, limit, cancellationToken);
            }, cancellationToken);
            if (file is null) throw Invalid("The request has no 'file' part: send the document as multipart/form-data field 'file'.");
            return new SubmittedForm(fields, file);
        }
        catch
        {
            if (file is not null) await blobs.DeleteAsync(blobKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Reads a submission of up to <paramref name="maxFiles"/> <c>file</c> parts, each stored as it arrives under a new job id.
    /// A file that is empty, of the wrong type or too large becomes an entry with its error and the others are kept; anything
    /// wrong with the request itself throws, and then nothing is left stored.
    /// </summary>
    public async Task<SubmittedBatch> ReadBatchAsync(HttpRequest request, int maxFiles, CancellationToken cancellationToken)
    {
        var files = new List<BatchFile>();
        var limit = UploadLimit.For(request.HttpContext, jobs);
        try
        {
            var fields = await ReadPartsAsync(request, limit, limit.Bytes * maxFiles, null, async (fileName, body) =>
            {
                if (files.Count == maxFiles) throw Invalid($"A batch has at most {maxFiles} files.");
                var jobId = JobIds.New();
                try
                {
                    files.Add(new BatchFile(fileName, jobId, await inputs.StoreAsync(body, fileName, BlobKeys.Input(jobId), limit, cancellationToken), null));
                }
                catch (DocStrangeException ex) when (ex.Code is ErrorCode.FileEmpty or ErrorCode.InvalidFileType or ErrorCode.FileTooLarge)
                {
                    files.Add(new BatchFile(fileName, null, null, ex));
                }
            }, cancellationToken);
            if (files.Count == 0) throw Invalid("The request has no 'file' part: send each document as a multipart/form-data part named 'file'.");
            return new SubmittedBatch(fields, files);
        }
        catch
        {
            foreach (var file in files.Where(f => f.JobId is not null)) await blobs.DeleteAsync(BlobKeys.Input(file.JobId!), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The multipart loop: text fields collected (each bounded), every <c>file</c> part handed to <paramref name="onFile"/> as it streams.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadPartsAsync(HttpRequest request, UploadLimit limit, long maxFilesBytes,
        string? tooLargeHint, Func<string, Stream, Task> onFile, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request);
        CheckDeclaredLength(request, limit, maxFilesBytes + FramingAllowance, tooLargeHint);
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = maxFilesBytes + FramingAllowance;

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reader = MultipartFraming.Reader(boundary, request.Body);
        var sections = 0;
        while (await MultipartFraming.NextSectionAsync(reader, cancellationToken) is { } section)
        {
            if (++sections > api.MaxSections) throw Invalid($"A submission has at most {api.MaxSections} parts.");
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("Every part must have a 'Content-Disposition: form-data' header.");
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (name != "file") throw Invalid($"Unexpected file part '{name}': send the document as the part named 'file'.");
                await onFile(FileNameOf(disposition), MultipartFraming.BodyOf(section));
            }
            else
            {
                var value = await ReadFieldAsync(MultipartFraming.BodyOf(section), name, cancellationToken);
                if (!fields.TryGetValue(name, out var values)) fields[name] = values = [];
                values.Add(value);
            }
        }
        return fields.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[api.MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        if (length > api.MaxFieldBytes) throw Invalid($"The field '{name}' is longer than {api.MaxFieldBytes} bytes.");
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Refuses a request whose declared length is over the limit at once, before a byte of its body is read.</summary>
    private static void CheckDeclaredLength(HttpRequest request, UploadLimit limit, long maxRequestBytes, string? hint)
    {
        if (request.ContentLength is { } length && length > maxRequestBytes)
        {
            throw new DocStrangeException(ErrorCode.FileTooLarge,
                $"The upload is {Sizes.Format(length)}; {limit.Describe()}." + (hint is null ? "" : " " + hint),
                limit.Details(new Dictionary<string, object?> { ["request_size"] = length }));
        }
    }

    private static string Boundary(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 200 } boundary)
        {
            return boundary;
        }
        throw Invalid("Send the document as multipart/form-data with the file in a part named 'file'.");
    }

    private static string FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
        // Only the last path segment, without control characters: the name is metadata, never a path.
        var name = raw.Replace('\\', '/').Split('/').Last();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) throw Invalid("The 'file' part has no file name; the name's extension tells its type.");
        return name.Length <= 255 ? name : name[^255..];
    }

    private static DocStrangeException Invalid(string message) => new(ErrorCode.InvalidRequest, message);
}
