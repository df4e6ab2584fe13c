using System.Text.Json.Nodes;
using DocStrange.Document.Fields;

namespace DocStrange.Extraction.Fields.Llm;

/// <summary>The JSON Schema the LLM fills: the caller's own, or one made from the field list; and the checks of its answer.</summary>
internal static class LlmSchema
{
    /// <summary>The caller's schema, or for <c>extract_fields</c> an object of the named fields, each nullable.</summary>
    public static string For(FieldRequest request)
    {
        if (request.Schema is { } schema) return schema;
        var properties = new JsonObject();
        foreach (var field in request.Fields) properties[field.Name] = Property(field.Type);
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. request.Fields.Select(f => (JsonNode)f.Name)]),
            ["additionalProperties"] = false,
        }.ToJsonString();
    }

    /// <summary>
    /// Where the answer breaks the schema. A property the LLM left out or set to null was not found, which is no
    /// fault of the answer: nulls are dropped and <c>required</c> is not applied here (the merged result is checked
    /// against the whole schema, as the rules' result is).
    /// </summary>
    public static IReadOnlyList<string> Errors(string schema, JsonObject answer) =>
        SchemaCheck.Errors(WithoutRequired(JsonNode.Parse(schema))?.ToJsonString() ?? schema, WithoutNulls(answer));

    /// <summary>A copy of the object with its null members (at every level) left out.</summary>
    public static JsonObject WithoutNulls(JsonObject value)
    {
        var copy = new JsonObject();
        foreach (var (name, member) in value)
        {
            if (member is null) continue;
            copy[name] = member switch
            {
                JsonObject inner => WithoutNulls(inner),
                JsonArray items => new JsonArray([.. items.Select(i => i is JsonObject o ? WithoutNulls(o) : i?.DeepClone())]),
                _ => member.DeepClone(),
            };
        }
        return copy;
    }

    private static JsonNode? WithoutRequired(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // The keyword is an array of names; a property called "required" is an object and stays.
                if (obj["required"] is JsonArray) obj.Remove("required");
                foreach (var (_, member) in obj.ToList()) WithoutRequired(member);
                break;
            case JsonArray items:
                foreach (var item in items) WithoutRequired(item);
                break;
        }
        return node;
    }

    private static JsonObject Property(FieldType type) => type switch
    {
        FieldType.Number or FieldType.Currency => Nullable("number"),
        FieldType.Integer => Nullable("integer"),
        FieldType.Boolean => Nullable("boolean"),
        FieldType.Date => Nullable("string", "date"),
        FieldType.DateTime => Nullable("string", "date-time"),
        FieldType.Email => Nullable("string", "email"),
        _ => Nullable("string"),
    };

    private static JsonObject Nullable(string type, string? format = null)
    {
        var property = new JsonObject { ["type"] = new JsonArray(type, "null") };
        if (format is not null) property["format"] = format;
        return property;
    }
}
