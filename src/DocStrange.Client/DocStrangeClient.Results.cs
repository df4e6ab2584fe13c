namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>
    /// A completed job's result in <paramref name="format"/> (default: the job's first format), with its
    /// metadata (<c>GET /jobs/{id}/result</c>). A job without a result throws <see cref="DocStrangeApiException"/>:
    /// <c>RESULT_NOT_READY</c>, <c>JOB_CANCELLED</c>, <c>RESULT_EXPIRED</c> or a failed job's own code.
    /// </summary>
    public Task<JobResult> GetResultAsync(string jobId, string? format = null, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<JobResult>(HttpMethod.Get, JobPath(jobId, "/result") + Query(("format", format)), cancellationToken);

    /// <summary>
    /// Copies a completed job's result file (<c>GET /jobs/{id}/download</c>) into <paramref name="destination"/>
    /// as it arrives, without holding it in memory. Same errors as <see cref="GetResultAsync"/>.
    /// </summary>
    public async Task<DownloadedFile> DownloadAsync(string jobId, string? format, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = new HttpRequestMessage(HttpMethod.Get, JobPath(jobId, "/download") + Query(("format", format)));
        using var response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            length += read;
        }
        var disposition = response.Content.Headers.ContentDisposition;
        var fileName = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
        return new DownloadedFile(fileName, response.Content.Headers.ContentType?.MediaType, length);
    }
}
