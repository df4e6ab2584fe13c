using System.Text.Json;
using DocStrange.Document.Errors;

namespace DocStrange.Document.Fields;

/// <summary>
/// Reads <c>json_schema</c>: the JSON Schema (draft 2020-12) subset a document's fields can fill: an object of
/// properties that are strings (with <c>format</c> date, date-time or email, or an <c>enum</c>), numbers,
/// integers, booleans, objects, and arrays of objects; <c>title</c>, <c>description</c> and <c>examples</c> help
/// to find them. Anything else is <c>INVALID_SCHEMA</c> naming where it is; a schema over the limits is
/// <c>SCHEMA_TOO_LARGE</c>, so no request can hold a worker.
/// </summary>
public static class FieldSchemaParser
{
    private const string Option = "json_schema";

    // Keywords that describe or constrain without changing what is looked for.
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$comment", "type", "properties", "items", "required", "enum", "format", "title", "description", "examples",
        "additionalProperties", "default", "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
    ];

    /// <summary>Parses a schema's text into the fields it asks for.</summary>
    public static FieldRequest Parse(string text)
    {
        if (text.Length > FieldLimits.MaxSchemaChars)
        {
            throw TooLarge($"The schema is {text.Length} characters long; at most {FieldLimits.MaxSchemaChars} are taken.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = FieldLimits.MaxSchemaDepth * 4 + 4 });
        }
        catch (JsonException ex)
        {
            // The reader names its own depth limit; "depth to be zero" is an unclosed object, a plain syntax error.
            throw ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
                ? TooLarge($"The schema nests deeper than {FieldLimits.MaxSchemaDepth} levels of objects and arrays.")
                : Invalid("", $"The schema is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || TypeOf(root, "") != "object")
            {
                throw Invalid("", "The schema must be an object schema: {\"type\": \"object\", \"properties\": {...}}.");
            }
            CheckKeywords(root, "");
            var counter = new int[1];
            return new FieldRequest(Properties(root, "", 1, counter)) { Schema = text };
        }
    }

    private static List<FieldSpec> Properties(JsonElement schema, string path, int depth, int[] counter)
    {
        if (depth > FieldLimits.MaxSchemaDepth) throw TooLarge($"The schema nests deeper than {FieldLimits.MaxSchemaDepth} levels of objects and arrays.");
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path + "/properties", "An object schema needs \"properties\", an object naming its fields.");
        }
        var fields = new List<FieldSpec>();
        foreach (var property in properties.EnumerateObject())
        {
            if (++counter[0] > FieldLimits.MaxSchemaProperties)
            {
                throw TooLarge($"The schema declares more than {FieldLimits.MaxSchemaProperties} properties.");
            }
            fields.Add(Field(property.Name, property.Value, $"{path}/properties/{Escape(property.Name)}", depth, counter));
        }
        if (fields.Count == 0) throw Invalid(path + "/properties", "The object declares no properties; there is nothing to extract.");
        if (schema.TryGetProperty("required", out var required)) CheckRequired(required, fields, path + "/required");
        return fields;
    }

    private static FieldSpec Field(string name, JsonElement schema, string path, int depth, int[] counter)
    {
        if (name.Length is 0 or > 200) throw Invalid(path, "A property name must have 1 to 200 characters.");
        if (schema.ValueKind != JsonValueKind.Object) throw Invalid(path, "A property's schema must be an object such as {\"type\": \"string\"}.");
        CheckKeywords(schema, path);
        var type = TypeOf(schema, path);
        var spec = type switch
        {
            "string" => new FieldSpec(name, Format(name, schema, path)),
            "number" => new FieldSpec(name, FieldType.Number),
            "integer" => new FieldSpec(name, FieldType.Integer),
            "boolean" => new FieldSpec(name, FieldType.Boolean),
            "object" => new FieldSpec(name, FieldType.Object) { Properties = Properties(schema, path, depth + 1, counter) },
            "array" => new FieldSpec(name, FieldType.Array) { Properties = Items(schema, path, depth, counter) },
            _ => throw Invalid(path + "/type", $"The type \"{type}\" is not taken; use string, number, integer, boolean, object or array."),
        };
        return spec with
        {
            Title = Text(schema, "title", path),
            Description = Text(schema, "description", path),
            Examples = Texts(schema, "examples", path),
            Choices = Texts(schema, "enum", path),
        };
    }

    private static void CheckKeywords(JsonElement schema, string path)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name)) throw Invalid($"{path}/{Escape(keyword.Name)}", $"The keyword \"{keyword.Name}\" is not in the subset taken (type, properties, items, required, enum, format, title, description, examples).");
            SchemaConstraints.Check(keyword, $"{path}/{Escape(keyword.Name)}", Invalid);
        }
    }

    private static List<FieldSpec> Items(JsonElement schema, string path, int depth, int[] counter)
    {
        if (!schema.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path + "/items", "An array needs \"items\", the schema of one item.");
        }
        if (TypeOf(items, path + "/items") != "object")
        {
            throw Invalid(path + "/items/type", "Arrays hold objects (rows of a table, such as line items).");
        }
        return Properties(items, path + "/items", depth + 1, counter);
    }

    /// <summary>The schema's one type; a union with "null" counts as the other type (a field may be missing).</summary>
    private static string TypeOf(JsonElement schema, string path)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            if (schema.TryGetProperty("properties", out _)) return "object";
            if (schema.TryGetProperty("enum", out _)) return "string";
            throw Invalid(path + "/type", "Every property needs a \"type\".");
        }
        if (type.ValueKind == JsonValueKind.String) return type.GetString()!;
        if (type.ValueKind == JsonValueKind.Array)
        {
            var names = type.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : "").Where(t => t != "null").Distinct().ToList();
            if (names.Count == 1) return names[0];
        }
        throw Invalid(path + "/type", "\"type\" must be one type name, or one type and \"null\".");
    }

    private static FieldType Format(string name, JsonElement schema, string path)
    {
        // JSON Schema has no format for a telephone number; a string named like one is read as one (and stays a string).
        if (!schema.TryGetProperty("format", out var format)) return FieldTypeHints.FromName(name) is FieldType.Phone or FieldType.Email ? FieldTypeHints.FromName(name) : FieldType.String;
        return format.ValueKind == JsonValueKind.String ? format.GetString() switch
        {
            "date" => FieldType.Date,
            "date-time" => FieldType.DateTime,
            "email" => FieldType.Email,
            _ => FieldType.String,
        } : throw Invalid(path + "/format", "\"format\" must be a string.");
    }

    private static void CheckRequired(JsonElement required, List<FieldSpec> fields, string path)
    {
        if (required.ValueKind != JsonValueKind.Array) throw Invalid(path, "\"required\" must be an array of property names.");
        var index = 0;
        foreach (var name in required.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String || fields.All(f => f.Name != name.GetString()))
            {
                throw Invalid($"{path}/{index}", "\"required\" names a property the object does not declare.");
            }
            index++;
        }
    }

    private static string? Text(JsonElement schema, string keyword, string path)
    {
        if (!schema.TryGetProperty(keyword, out var value)) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid($"{path}/{keyword}", $"\"{keyword}\" must be a string.");
    }

    private static IReadOnlyList<string> Texts(JsonElement schema, string keyword, string path)
    {
        if (!schema.TryGetProperty(keyword, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array) throw Invalid($"{path}/{keyword}", $"\"{keyword}\" must be an array.");
        return [.. value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())];
    }

    /// <summary>A property name as a JSON Pointer writes it.</summary>
    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static DocStrangeException Invalid(string path, string message) => new(ErrorCode.InvalidSchema,
        $"{message} (at {(path.Length == 0 ? "the root" : path)})",
        new Dictionary<string, object?> { ["field"] = Option, ["path"] = path.Length == 0 ? "/" : path });

    private static DocStrangeException TooLarge(string message) => new(ErrorCode.SchemaTooLarge, message,
        new Dictionary<string, object?>
        {
            ["field"] = Option, ["max_chars"] = FieldLimits.MaxSchemaChars, ["max_properties"] = FieldLimits.MaxSchemaProperties, ["max_depth"] = FieldLimits.MaxSchemaDepth,
        });
}
