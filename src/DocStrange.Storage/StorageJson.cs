using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocStrange.Storage;

/// <summary>How job columns that hold documents (options, progress, error, result) are written: snake_case JSON, enums by name.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new StoredErrorCodeConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    public static T? ReadOrNull<T>(string? json) where T : class => json is null ? null : Read<T>(json);
}
