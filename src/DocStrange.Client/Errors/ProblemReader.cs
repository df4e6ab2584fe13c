using System.Net;
using System.Text.Json;

namespace DocStrange.Client;

/// <summary>Turns an error answer into a <see cref="DocStrangeApiException"/>.</summary>
internal static class ProblemReader
{
    private const int SnippetLength = 200;

    /// <summary>The exception for a non-success <paramref name="response"/>, from its problem body when it has one.</summary>
    public static async Task<DocStrangeApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headerRequestId = RequestIdOf(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && StringOf(error, "code") is { Length: > 0 } code)
            {
                return new DocStrangeApiException(code, StringOf(error, "message") ?? code, response.StatusCode,
                    StringOf(root, "request_id") ?? headerRequestId, StringOf(root, "job_id"), DetailsOf(error), StringOf(root, "trace_id"));
            }
        }
        catch (JsonException)
        {
            // Not JSON: answered below as an unexpected response.
        }
        return Unexpected(response.StatusCode, headerRequestId,
            $"The server answered {(int)response.StatusCode} {response.ReasonPhrase} without a DocStrange error body{Snippet(body)}");
    }

    /// <summary>An <see cref="ErrorCodes.UnexpectedResponse"/> exception.</summary>
    public static DocStrangeApiException Unexpected(HttpStatusCode status, string? requestId, string message, Exception? inner = null) =>
        new(ErrorCodes.UnexpectedResponse, message, status, requestId, innerException: inner);

    /// <summary>The <c>X-Request-ID</c> header of an answer, if any.</summary>
    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-ID", out var values) ? values.FirstOrDefault() : null;

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, JsonElement> DetailsOf(JsonElement error)
    {
        var details = new Dictionary<string, JsonElement>();
        if (error.TryGetProperty("details", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            // Clone: the elements outlive the parsed document.
            foreach (var member in value.EnumerateObject()) details[member.Name] = member.Value.Clone();
        }
        return details;
    }

    private static string Snippet(string body)
    {
        var text = body.Trim();
        if (text.Length == 0) return ".";
        return ": " + (text.Length <= SnippetLength ? text : text[..SnippetLength] + "…");
    }
}
