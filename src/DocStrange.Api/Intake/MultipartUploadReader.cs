using System.Text;
using DocStrange.Document.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace DocStrange.Api.Intake;

/// <summary>
/// Reads a <c>multipart/form-data</c> submission as it arrives: text fields into memory (each bounded),
/// each <c>file</c> part streamed to where the caller puts it — for one file, a <see cref="StagedInput"/>,
/// which checks it on the way (type, content, size) and is deleted unless its job is made.
/// </summary>
internal sealed class MultipartUploadReader(ApiOptions api)
{
    /// <summary>Slack over the file limit for the multipart framing and the text fields.</summary>
    private const long FramingAllowance = 1024 * 1024;

    /// <summary>
    /// Reads a one-file submission, its file into <paramref name="staged"/> (at most <paramref name="limit"/>), and answers its
    /// text fields; <paramref name="tooLargeHint"/> is added to the message of a request refused for its declared length.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadOneAsync(HttpRequest request, StagedInput staged, UploadLimit limit,
        string? tooLargeHint, CancellationToken cancellationToken)
    {
        var fields = await ReadPartsAsync(request, limit, limit.Bytes, tooLargeHint, async (fileName, body) =>
        {
            if (staged.File is not null) throw Invalid("Send one file per request: the 'file' part appears more than once.");
            await staged.ReceiveAsync(body, fileName, limit, cancellationToken);
        }, cancellationToken);
        if (staged.File is null) throw Invalid("The request has no 'file' part: send the document as multipart/form-data field 'file'.");
        return fields;
    }

    /// <summary>
    /// Reads a submission of up to <paramref name="maxFiles"/> <c>file</c> parts (each at most <paramref name="limit"/>), handing each to
    /// <paramref name="onFile"/> (its name and body) as it streams; answers the text fields.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadManyAsync(HttpRequest request, int maxFiles, UploadLimit limit,
        Func<string, Stream, Task> onFile, CancellationToken cancellationToken)
    {
        var files = 0;
        var fields = await ReadPartsAsync(request, limit, limit.Bytes * maxFiles, null, async (fileName, body) =>
        {
            if (files++ == maxFiles) throw Invalid($"A batch has at most {maxFiles} files.");
            await onFile(fileName, body);
        }, cancellationToken);
        if (files == 0) throw Invalid("The request has no 'file' part: send each document as a multipart/form-data part named 'file'.");
        return fields;
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
        if (length > api.MaxFieldBytes && name == "json_schema")
        {
            // A schema has its own code, so a caller can tell "too large" from "malformed".
            throw new DocStrangeException(ErrorCode.SchemaTooLarge, $"The schema is longer than {api.MaxFieldBytes} bytes.",
                new Dictionary<string, object?> { ["field"] = name, ["max_bytes"] = api.MaxFieldBytes });
        }
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
