namespace DocStrange.Document.Fields;

/// <summary>
/// The fields a caller asked for, from a list of names (<c>extract_fields</c>) or from a JSON Schema
/// (<c>json_schema</c>), whose text is kept so the result can be validated against it.
/// </summary>
public sealed record FieldRequest(IReadOnlyList<FieldSpec> Fields)
{
    /// <summary>The caller's JSON Schema, as given; null when the fields came as a list.</summary>
    public string? Schema { get; init; }

    /// <summary>The request of a job's stored options (<c>name:type</c> items or a schema's text); null when it asked for no fields.</summary>
    public static FieldRequest? From(IReadOnlyList<string> fieldList, string? schema)
    {
        if (!string.IsNullOrWhiteSpace(schema)) return FieldSchemaParser.Parse(schema);
        return fieldList.Count > 0 ? FieldListParser.Parse(fieldList) : null;
    }
}
