using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace DocStrange.Extraction.Fields;

/// <summary>Validates an extracted object against the caller's JSON Schema with a full validator, so a result that breaks it says where.</summary>
internal static class SchemaCheck
{
    /// <summary>Each place <paramref name="data"/> breaks <paramref name="schemaText"/>, as "location: message"; empty when it validates.</summary>
    public static IReadOnlyList<string> Errors(string schemaText, JsonObject data)
    {
        try
        {
            return Evaluate(schemaText, data);
        }
        catch (Exception ex) when (ex is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException or FormatException or RegexMatchTimeoutException)
        {
            // A schema the validator cannot use fails the check, not the conversion: the fields found are kept.
            return [$"/: the schema could not be applied: {ex.Message}"];
        }
    }

    private static IReadOnlyList<string> Evaluate(string schemaText, JsonObject data)
    {
        // A fresh registry per schema: callers' schemas may share an $id and must not see each other.
        var schema = JsonSchema.FromText(schemaText, new BuildOptions());
        using var instance = JsonDocument.Parse(data.ToJsonString());
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        return [.. (results.Details ?? [results])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
            .Distinct()];
    }
}
