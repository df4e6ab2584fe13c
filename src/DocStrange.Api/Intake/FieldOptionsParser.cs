using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;

namespace DocStrange.Api.Intake;

/// <summary>
/// Reads <c>extract_fields</c> and <c>json_schema</c> at submission, so a bad list or schema is refused at once
/// (<c>INVALID_REQUEST</c>, <c>INVALID_SCHEMA</c>, <c>SCHEMA_TOO_LARGE</c>) rather than failing the job later.
/// </summary>
internal static class FieldOptionsParser
{
    /// <summary>The canonical field list and the schema text to store with the job.</summary>
    public static (IReadOnlyList<string> Fields, string? Schema) Parse(IReadOnlyList<string>? list, string? schema, IReadOnlyList<OutputFormat> formats)
    {
        var hasList = list is { Count: > 0 } && list.Any(v => !string.IsNullOrWhiteSpace(v));
        var hasSchema = !string.IsNullOrWhiteSpace(schema);
        if (hasList && hasSchema) throw Invalid("extract_fields", "Give 'extract_fields' or 'json_schema', not both.");
        if (!hasList && !hasSchema)
        {
            if (formats.Contains(OutputFormat.Fields)) throw Invalid("output_format", "'output_format' fields needs 'extract_fields' or 'json_schema'.");
            return ([], null);
        }
        if (hasSchema)
        {
            FieldSchemaParser.Parse(schema!);
            return ([], schema);
        }
        return (FieldListParser.Canonical(FieldListParser.Parse(list!)), null);
    }

    private static DocStrangeException Invalid(string field, string message) =>
        new(ErrorCode.InvalidRequest, message, new Dictionary<string, object?> { ["field"] = field });
}
