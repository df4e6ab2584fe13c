using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocStrange.Client;

/// <summary>The API's JSON conventions: snake_case members and snake_case enum strings.</summary>
internal static class ClientJson
{
    /// <summary>Options for reading the API's answers.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
