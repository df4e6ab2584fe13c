using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>Small schemas for parameters, headers and form fields the handlers read as text.</summary>
public static class Schemas
{
    public static OpenApiSchema Integer(long minimum, long? maximum = null, long? defaultValue = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int64",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        Default = defaultValue is { } value ? JsonValue.Create(value) : null,
    };

    public static OpenApiSchema Enum(IEnumerable<string> values, string? defaultValue = null) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
        Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
    };

    public static OpenApiSchema Text(int? maxLength = null) => new() { Type = JsonSchemaType.String, MaxLength = maxLength };

    public static OpenApiSchema Boolean(bool defaultValue) => new() { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(defaultValue) };

    public static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}
