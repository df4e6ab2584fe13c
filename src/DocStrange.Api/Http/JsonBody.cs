using System.Text.Json;
using DocStrange.Document.Errors;

namespace DocStrange.Api.Http;

/// <summary>
/// Reads a JSON request body into a type from inside the route's handler. A body bound as a handler
/// parameter is parsed before the route's filters run, so a caller the filter would refuse (no admin
/// key) could reach the parser; read here, it is parsed only once the filters let the request in. A
/// body that is not JSON, or a member whose value cannot be read, is <c>INVALID_REQUEST</c>, the member
/// named in <c>details.field</c>.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType()) throw Invalid("Send the body as a JSON object (Content-Type: application/json).", null);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw Invalid("The request body is not valid JSON.", null);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Invalid("The request body must be a JSON object.", null);
            try
            {
                return document.RootElement.Deserialize<T>(options)!;
            }
            catch (JsonException ex)
            {
                // The syntax was checked above, so this is a value of the wrong kind or form; the path says which.
                var field = FieldOf(ex.Path);
                throw Invalid(field is null
                    ? "The request body does not have the expected members."
                    : $"'{field}' does not hold a value of the type or form it takes (a time is ISO 8601, such as 2030-01-31T00:00:00Z; a count is a whole number).", field);
            }
        }
    }

    /// <summary>The member a serializer path (<c>$.limits.requests_per_minute</c>) points at, without the root; null for the root itself.</summary>
    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static DocStrangeException Invalid(string message, string? field) => new(ErrorCode.InvalidRequest, message,
        field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
