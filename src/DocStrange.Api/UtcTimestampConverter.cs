using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocStrange.Api;

/// <summary>Writes times as UTC RFC 3339 with milliseconds (<c>2026-01-01T00:00:00.000Z</c>), the precision the job store keeps.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>
    /// Reads an ISO 8601 time. Anything else is a <see cref="JsonException"/>, which the serializer marks with the
    /// member's path, so the caller is told which field is wrong rather than answered with a server error.
    /// </summary>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }
        throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
