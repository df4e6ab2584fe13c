using System.Text.Json;

namespace DocStrange.Document.Tests.Export;

/// <summary>
/// Just enough of JSON Schema 2020-12 to check the exporter against docs/document.schema.json: type, const,
/// enum, required, properties, additionalProperties: false, items, minimum, maximum, allOf, if/then and
/// local $ref. Returns the problems found, each with its JSON path.
/// </summary>
internal sealed class MiniJsonSchema(JsonElement root)
{
    public List<string> Validate(JsonElement value)
    {
        var errors = new List<string>();
        Check(root, value, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) target = target.GetProperty(part);
            Check(target, value, path, errors);
        }
        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
            errors.Add($"{path}: expected {type.GetString()}, got {value.ValueKind}");
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path}: expected {constant}");
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add($"{path}: {value} is not one of the enum");
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (schema.TryGetProperty("minimum", out var min) && value.GetDouble() < min.GetDouble()) errors.Add($"{path}: below {min}");
            if (schema.TryGetProperty("maximum", out var max) && value.GetDouble() > max.GetDouble()) errors.Add($"{path}: above {max}");
        }
        if (value.ValueKind == JsonValueKind.Object) CheckObject(schema, value, path, errors);
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{i++}]", errors);
        }
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray()) Check(part, value, path, errors);
        }
        if (schema.TryGetProperty("if", out var condition) && schema.TryGetProperty("then", out var then))
        {
            var probe = new List<string>();
            Check(condition, value, path, probe);
            if (probe.Count == 0) Check(then, value, path, errors);
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: missing {name}");
            }
        }
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var member in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(member.Name, out var memberSchema)) Check(memberSchema, member.Value, $"{path}.{member.Name}", errors);
            else if (closed) errors.Add($"{path}: unexpected member {member.Name}");
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException(type),
    };
}
