using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocStrange.Api;

/// <summary>The API's JSON conventions: snake_case members, enums as snake_case strings.</summary>
public static class ApiJson
{
    /// <summary>Applies the conventions to a serializer's options.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcTimestampConverter());
    }

    /// <summary>Options with the conventions, for code outside the HTTP pipeline.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
