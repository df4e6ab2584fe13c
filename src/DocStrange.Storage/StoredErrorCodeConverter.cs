using System.Text.Json;
using System.Text.Json.Serialization;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Storage;

/// <summary>
/// Writes an error code in a stored job the way rows already hold it: the wire name in lower case
/// (<c>worker_timeout</c>). A code the catalog does not know is damage, not a value to carry on.
/// </summary>
internal sealed class StoredErrorCodeConverter : JsonConverter<ErrorCode>
{
    public override ErrorCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = reader.GetString();
        return stored is not null && ErrorCatalog.TryParse(stored.ToUpperInvariant(), out var code)
            ? code
            : throw new JsonException($"A stored error code '{stored}' is not one DocStrange knows.");
    }

    public override void Write(Utf8JsonWriter writer, ErrorCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name.ToLowerInvariant());
}
