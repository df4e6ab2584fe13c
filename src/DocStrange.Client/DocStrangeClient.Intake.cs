using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>
    /// Uploads several documents with the same options in one request (<c>POST /documents/batch</c>). A refused file
    /// (empty, wrong type, too large) is an entry of <see cref="BatchSubmission.Errors"/>; the others become jobs.
    /// The streams are read from their current position and not disposed.
    /// </summary>
    public async Task<BatchSubmission> SubmitBatchAsync(IEnumerable<(Stream Content, string FileName)> files, SubmitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var request = new HttpRequestMessage(HttpMethod.Post, ApiRoot + "documents/batch") { Content = SubmitForm.Create(files, options) };
        if (options?.IdempotencyKey is { Length: > 0 } key) request.Headers.Add("Idempotency-Key", key);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<BatchSubmission>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Converts a small document in one request (<c>POST /documents/sync</c>, 1 MB by default): the result when the job
    /// finishes within <paramref name="wait"/>, otherwise the still running job to follow. A failed job throws its error.
    /// </summary>
    public async Task<SyncOutcome> ConvertSyncAsync(Stream content, string fileName, SubmitOptions? options = null, TimeSpan? wait = null,
        string? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var query = Query(("wait", wait is { } w ? ((int)w.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null), ("format", format));
        var request = new HttpRequestMessage(HttpMethod.Post, ApiRoot + "documents/sync" + query) { Content = SubmitForm.Create(content, fileName, options) };
        if (options?.IdempotencyKey is { Length: > 0 } key) request.Headers.Add("Idempotency-Key", key);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Accepted
            ? new SyncOutcome(null, await ReadJsonAsync<JobStatus>(response, cancellationToken).ConfigureAwait(false))
            : new SyncOutcome(await ReadJsonAsync<JobResult>(response, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Has the server download a document from an http(s) URL (<c>POST /documents/from-url</c>) and returns its job.</summary>
    public async Task<SubmittedJob> SubmitFromUrlAsync(string url, SubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        var body = SubmitForm.Fields(options);
        body["url"] = url;
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiRoot + "documents/from-url") { Content = JsonContent.Create(body) };
        if (options?.IdempotencyKey is { Length: > 0 } key) request.Headers.Add("Idempotency-Key", key);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<SubmittedJob>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads a large document in chunks through a resumable upload (<c>/uploads</c>) and makes a job of it. Each chunk
    /// is sent at the server's offset; after a broken connection or a refused offset the upload goes on from where the
    /// server says it is. Pass <paramref name="uploadId"/> (from <paramref name="started"/>) to resume an upload begun
    /// earlier; a stream that cannot seek can only go forward. Memory use is one chunk.
    /// </summary>
    public async Task<SubmittedJob> UploadResumableAsync(Stream content, string fileName, long size, SubmitOptions? options = null,
        string? uploadId = null, IProgress<long>? progress = null, Action<UploadStatus>? started = null, int maxRetries = 5,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var upload = uploadId is null
            ? await CreateUploadAsync(fileName, size, cancellationToken).ConfigureAwait(false)
            : await GetUploadAsync(uploadId, cancellationToken).ConfigureAwait(false);
        started?.Invoke(upload);
        var start = content.CanSeek ? content.Position : 0;
        var position = 0L;
        var buffer = new byte[Math.Min(upload.ChunkSize, Math.Max(1, size))];
        var offset = upload.Offset;
        var failures = 0;
        while (offset < size)
        {
            if (offset != position)
            {
                if (content.CanSeek) content.Position = start + offset;
                else if (offset > position) await SkipAsync(content, offset - position, buffer, cancellationToken).ConfigureAwait(false);
                else throw new InvalidOperationException($"The server needs the upload from offset {offset}, but the stream cannot seek back to it.");
                position = offset;
            }
            var length = await FillAsync(content, buffer, (int)Math.Min(buffer.Length, size - offset), cancellationToken).ConfigureAwait(false);
            if (length == 0) throw new EndOfStreamException($"The stream ended at {offset} of the {size} bytes announced.");
            position += length;
            try
            {
                offset = await AppendChunkAsync(upload.UploadId, offset, buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (DocStrangeApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict && ex.Details.TryGetValue("offset", out var current))
            {
                offset = current.GetInt64();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && ++failures <= maxRetries && !cancellationToken.IsCancellationRequested)
            {
                // The connection broke: ask where the server got to and go on from there.
                offset = (await GetUploadAsync(upload.UploadId, cancellationToken).ConfigureAwait(false)).Offset;
            }
            progress?.Report(offset);
        }
        using var complete = new HttpRequestMessage(HttpMethod.Post, $"{ApiRoot}uploads/{Uri.EscapeDataString(upload.UploadId)}/complete")
        {
            Content = JsonContent.Create(SubmitForm.Fields(options)),
        };
        if (options?.IdempotencyKey is { Length: > 0 } key) complete.Headers.Add("Idempotency-Key", key);
        using var response = await SendAsync(complete, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<SubmittedJob>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A resumable upload's state: how many bytes the server has.</summary>
    public Task<UploadStatus> GetUploadAsync(string uploadId, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<UploadStatus>(HttpMethod.Get, $"{ApiRoot}uploads/{Uri.EscapeDataString(uploadId)}", cancellationToken);

    /// <summary>Aborts a resumable upload and deletes what the server received.</summary>
    public async Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{ApiRoot}uploads/{Uri.EscapeDataString(uploadId)}");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadStatus> CreateUploadAsync(string fileName, long size, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiRoot + "uploads") { Content = JsonContent.Create(new { file_name = fileName, size }) };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<UploadStatus>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> AppendChunkAsync(string uploadId, long offset, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{ApiRoot}uploads/{Uri.EscapeDataString(uploadId)}")
        {
            Content = new ReadOnlyMemoryContent(chunk),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync<UploadStatus>(response, cancellationToken).ConfigureAwait(false)).Offset;
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < count && (read = await content.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken).ConfigureAwait(false)) > 0) filled += read;
        return filled;
    }

    private static async Task SkipAsync(Stream content, long count, byte[] buffer, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException("The stream ended before the server's offset.");
            count -= read;
        }
    }
}
