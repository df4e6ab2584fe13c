using DocStrange.Document.Errors;
using DocStrange.Document.Fields;

namespace DocStrange.Cli.Commands;

/// <summary>Reads <c>convert</c>'s <c>--fields</c> (a list) or <c>--schema</c> (a JSON Schema file) into the fields to extract.</summary>
internal static class FieldsOption
{
    /// <summary>The request, or null when neither option was given; a bad list, schema or file throws.</summary>
    public static FieldRequest? Read(string? list, string? schemaFile)
    {
        if (list is not null && schemaFile is not null)
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest, "use --fields or --schema, not both");
        }
        if (schemaFile is not null)
        {
            if (new FileInfo(schemaFile) is { Exists: true, Length: > FieldLimits.MaxSchemaChars * 4L })
            {
                throw new DocStrangeException(ErrorCode.SchemaTooLarge, $"{schemaFile}: the schema is larger than {FieldLimits.MaxSchemaChars} characters");
            }
            return FieldSchemaParser.Parse(File.ReadAllText(schemaFile));
        }
        return list is null ? null : FieldListParser.Parse([list]);
    }
}
