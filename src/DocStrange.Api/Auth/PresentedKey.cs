using Microsoft.Net.Http.Headers;

namespace DocStrange.Api.Auth;

/// <summary>The key a request carries: <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key: &lt;key&gt;</c>.</summary>
internal static class PresentedKey
{
    /// <summary>The header that carries a key without the Bearer scheme.</summary>
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>
    /// The key sent, or null when none was; <paramref name="malformed"/> is set when the headers cannot
    /// be read as one key (another scheme, several values, two different keys).
    /// </summary>
    public static string? Read(HttpRequest request, out bool malformed)
    {
        malformed = false;
        string? bearer = null, header = null;
        if (request.Headers.TryGetValue(HeaderNames.Authorization, out var authorization))
        {
            var value = authorization.ToString();
            if (authorization.Count != 1 || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) malformed = true;
            else bearer = value["Bearer ".Length..].Trim();
        }
        if (request.Headers.TryGetValue(ApiKeyHeader, out var apiKey))
        {
            if (apiKey.Count != 1) malformed = true;
            else header = apiKey.ToString().Trim();
        }
        if (bearer is not null && header is not null && !string.Equals(bearer, header, StringComparison.Ordinal)) malformed = true;
        if (malformed) return null;
        var key = bearer ?? header;
        if (key is { Length: 0 }) malformed = true;
        return malformed ? null : key;
    }
}
