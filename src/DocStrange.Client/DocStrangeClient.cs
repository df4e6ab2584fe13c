using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Client;

/// <summary>
/// A typed client for the DocStrange HTTP API (<c>/api/v1</c>). Every call that the server answers
/// with an error throws <see cref="DocStrangeApiException"/>; a failure to reach the server at all
/// (connection refused, DNS, TLS) stays an <see cref="HttpRequestException"/>, and
/// <see cref="HttpClient.Timeout"/> surfaces as <see cref="TaskCanceledException"/>, as with any
/// <see cref="HttpClient"/> call. Thread-safe, like the <see cref="HttpClient"/> it wraps.
/// </summary>
public sealed partial class DocStrangeClient
{
    private const string ApiRoot = "api/v1/";

    private readonly HttpClient _http;

    /// <summary>
    /// A client over <paramref name="http"/>, whose <see cref="HttpClient.BaseAddress"/> is the server's
    /// root (<c>http://127.0.0.1:8080/</c>; a path prefix must end with <c>/</c>). The caller owns the
    /// <see cref="HttpClient"/> and its lifetime.
    /// </summary>
    public DocStrangeClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null) throw new ArgumentException("The HttpClient needs a BaseAddress: the server's root URL.", nameof(http));
        _http = http;
    }

    /// <summary>
    /// The API key (<c>ds_live_…</c>) sent as <c>Authorization: Bearer</c> on every call, or null to call
    /// anonymously (where the server allows it). A request that already carries an Authorization header keeps it.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Sends <paramref name="request"/>; an error answer becomes a <see cref="DocStrangeApiException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (!string.IsNullOrEmpty(ApiKey) && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        }
        var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request without a body and reads the JSON answer.</summary>
    private async Task<T> SendForJsonAsync<T>(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a success answer's JSON; a body that is not the expected shape is an <see cref="ErrorCodes.UnexpectedResponse"/>.</summary>
    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false);
            if (value is not null) return value;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw Unreadable(response, ex);
        }
        throw Unreadable(response, null);
    }

    private static DocStrangeApiException Unreadable(HttpResponseMessage response, Exception? inner) =>
        ProblemReader.Unexpected(response.StatusCode, ProblemReader.RequestIdOf(response),
            $"The server answered {(int)response.StatusCode} with a body that is not the expected DocStrange JSON.", inner);

    /// <summary>The path of a job's route, with the id escaped.</summary>
    private static string JobPath(string jobId, string suffix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return $"{ApiRoot}jobs/{Uri.EscapeDataString(jobId)}{suffix}";
    }

    /// <summary>A query string from the parameters that are set.</summary>
    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join("&", set);
    }
}
