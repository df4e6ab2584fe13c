using System.Text.RegularExpressions;
using DocStrange.Document.Errors;

namespace DocStrange.Document.Fields;

/// <summary>
/// Reads <c>extract_fields</c>: names separated by commas (the option may also be repeated), each optionally
/// <c>name:type</c> with a type of <c>string, number, integer, date, currency, boolean</c> (or <c>email</c>, <c>phone</c>). A name without
/// a type takes the one its words suggest (<c>invoice_date</c> a date, <c>total_amount</c> a currency).
/// </summary>
public static partial class FieldListParser
{
    private const string Option = "extract_fields";

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = FieldType.String,
        ["number"] = FieldType.Number,
        ["integer"] = FieldType.Integer,
        ["date"] = FieldType.Date,
        ["currency"] = FieldType.Currency,
        ["boolean"] = FieldType.Boolean,
        ["email"] = FieldType.Email,
        ["phone"] = FieldType.Phone,
    };

    /// <summary>Parses the option's values; throws <c>INVALID_REQUEST</c> naming the option for a bad name, type or count.</summary>
    public static FieldRequest Parse(IEnumerable<string> values)
    {
        var fields = new List<FieldSpec>();
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var colon = item.IndexOf(':');
            var name = (colon < 0 ? item : item[..colon]).Trim();
            if (!NamePattern().IsMatch(name))
            {
                throw Invalid($"'{Option}' takes names of letters, digits, '_' and '-' (at most 64); \"{name}\" is not one.");
            }
            var type = colon < 0 ? FieldTypeHints.FromName(name) : TypeOf(item[(colon + 1)..].Trim(), name);
            if (fields.Any(f => f.Name == name)) continue;
            fields.Add(new FieldSpec(name, type));
        }
        if (fields.Count == 0) throw Invalid($"'{Option}' names no field.");
        if (fields.Count > FieldLimits.MaxListedFields)
        {
            throw Invalid($"'{Option}' names {fields.Count} fields; at most {FieldLimits.MaxListedFields} are taken (use json_schema for more).");
        }
        return new FieldRequest(fields);
    }

    /// <summary>The canonical text of each field (<c>name:type</c>), as a job stores it.</summary>
    public static IReadOnlyList<string> Canonical(FieldRequest request) =>
        [.. request.Fields.Select(f => $"{f.Name}:{f.Type.ToString().ToLowerInvariant()}")];

    private static FieldType TypeOf(string text, string name)
    {
        if (Types.TryGetValue(text, out var type)) return type;
        throw Invalid($"'{Option}' field '{name}' has the unknown type \"{text}\"; types are {string.Join(", ", Types.Keys)}.");
    }

    private static DocStrangeException Invalid(string message) =>
        new(ErrorCode.InvalidRequest, message, new Dictionary<string, object?> { ["field"] = Option });

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
