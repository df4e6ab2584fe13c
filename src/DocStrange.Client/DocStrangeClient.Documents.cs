namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>
    /// Uploads a document (<c>POST /documents</c>) and returns the new job at once. The file's type comes
    /// from <paramref name="fileName"/>'s extension; <paramref name="content"/> is streamed from its current
    /// position and is not disposed.
    /// </summary>
    public async Task<SubmittedJob> SubmitAsync(Stream content, string fileName, SubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        // Neither the form nor the request is disposed: that would dispose the caller's stream.
        var request = new HttpRequestMessage(HttpMethod.Post, ApiRoot + "documents") { Content = SubmitForm.Create(content, fileName, options) };
        if (options?.IdempotencyKey is { Length: > 0 } key) request.Headers.Add("Idempotency-Key", key);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<SubmittedJob>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads the file at <paramref name="path"/> under its own name; see <see cref="SubmitAsync"/>.</summary>
    public async Task<SubmittedJob> SubmitFileAsync(string path, SubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
        return await SubmitAsync(file, Path.GetFileName(path), options, cancellationToken).ConfigureAwait(false);
    }
}
