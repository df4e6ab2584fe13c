using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DocStrange.Api.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> submission as it arrives: text fields into memory (each
/// bounded), the one <c>file</c> part straight to the blob store, checked on the way — extension
/// on the allow-list, first bytes agreeing with it, not empty, not over the size limit (the smaller
/// of the service's and the caller's tier's).
/// Whatever fails, nothing is left in storage.
/// </summary>
internal sealed class MultipartUploadReader(IBlobStore blobs, IFormatCatalog formats, JobsOptions jobs, ApiOptions api)
{
    /// <summary>Slack over the file limit for the multipart framing and the text fields.</summary>
    private const long FramingAllowance = 1024 * 1024;

    public async Task<SubmittedForm> ReadAsync(HttpRequest request, string blobKey, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request);
        var limit = UploadLimit.For(request.HttpContext, jobs);
        CheckDeclaredLength(request, limit);
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit.Bytes + FramingAllowance;

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        StoredUpload? file = null;
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            var sections = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
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
                    if (file is not null) throw Invalid("Send one file per request: the 'file' part appears more than once.");
                    var fileName = FileNameOf(disposition);
                    file = await StoreAsync(section.Body, fileName, blobKey, limit, cancellationToken);
                }
                else
                {
                    var value = await ReadFieldAsync(section.Body, name, cancellationToken);
                    if (!fields.TryGetValue(name, out var values)) fields[name] = values = [];
                    values.Add(value);
                }
            }
            if (file is null) throw Invalid("The request has no 'file' part: send the document as multipart/form-data field 'file'.");
            return new SubmittedForm(fields.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal), file);
        }
        catch
        {
            if (file is not null) await blobs.DeletePrefixAsync(blobKey, CancellationToken.None);
            throw;
        }
    }

    private async Task<StoredUpload> StoreAsync(Stream body, string fileName, string blobKey, UploadLimit limit, CancellationToken cancellationToken)
    {
        var kind = FileKinds.FromFileName(fileName);
        if (kind == FileKind.Unknown)
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType, $"Files like '{fileName}' are not accepted.",
                new Dictionary<string, object?> { ["file_name"] = fileName, ["allowed_extensions"] = FileKinds.Extensions.ToArray() });
        }
        if (!formats.InputKinds.Contains(kind))
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType,
                $"This server cannot convert {FileKinds.NameOf(kind).ToUpperInvariant()} files yet.",
                new Dictionary<string, object?> { ["file_name"] = fileName, ["supported_types"] = formats.InputKinds.Select(FileKinds.NameOf).ToArray() });
        }

        var head = new byte[FileSniffer.HeadLength];
        var headLength = 0;
        int read;
        while (headLength < head.Length && (read = await body.ReadAsync(head.AsMemory(headLength), cancellationToken)) > 0) headLength += read;
        if (headLength == 0)
        {
            throw new DocStrangeException(ErrorCode.FileEmpty, $"'{fileName}' is empty.", new Dictionary<string, object?> { ["file_name"] = fileName });
        }
        if (!FileSniffer.Agrees(kind, head.AsSpan(0, headLength)))
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType,
                $"The content of '{fileName}' is not {FileKinds.NameOf(kind).ToUpperInvariant()}, whatever its name says.",
                new Dictionary<string, object?> { ["file_name"] = fileName, ["file_type"] = FileKinds.NameOf(kind) });
        }

        await using var upload = new UploadStream(head.AsMemory(0, headLength), body, limit, fileName);
        var size = await blobs.PutAsync(blobKey, upload, cancellationToken);
        return new StoredUpload(fileName, kind, size, upload.Sha256());
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

    private static void CheckDeclaredLength(HttpRequest request, UploadLimit limit)
    {
        if (request.ContentLength is { } length && length > limit.Bytes + FramingAllowance)
        {
            throw new DocStrangeException(ErrorCode.FileTooLarge,
                $"The upload is {Sizes.Format(length)}; {limit.Describe()}.",
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
