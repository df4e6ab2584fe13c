using System.Text.Json;
using System.Text.RegularExpressions;
using DocStrange.Document.Errors;

namespace DocStrange.Document.Fields;

/// <summary>
/// Checks the values of the keywords that only constrain (bounds, lengths, a pattern): the result is validated
/// against them later, so one of the wrong kind (a bound that is not a number, a pattern that is not a regular
/// expression) must be refused at submission rather than fail the job.
/// </summary>
internal static class SchemaConstraints
{
    private static readonly TimeSpan PatternCheck = TimeSpan.FromMilliseconds(100);

    public static void Check(JsonProperty keyword, string path, Func<string, string, DocStrangeException> invalid)
    {
        var value = keyword.Value;
        switch (keyword.Name)
        {
            case "minimum" or "maximum" when value.ValueKind != JsonValueKind.Number:
                throw invalid(path, $"\"{keyword.Name}\" must be a number.");
            case "minLength" or "maxLength" or "minItems" or "maxItems" when !(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0):
                throw invalid(path, $"\"{keyword.Name}\" must be a whole number of at least 0.");
            case "additionalProperties" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                throw invalid(path, "\"additionalProperties\" must be true or false.");
            case "pattern" when value.ValueKind != JsonValueKind.String || !IsRegex(value.GetString()!):
                throw invalid(path, "\"pattern\" must be a regular expression.");
            case "$schema" or "$id" or "$comment" when value.ValueKind != JsonValueKind.String:
                throw invalid(path, $"\"{keyword.Name}\" must be a string.");
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternCheck);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
