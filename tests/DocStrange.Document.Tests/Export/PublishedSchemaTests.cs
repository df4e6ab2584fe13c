using System.Text.Json;
using Json.Schema;
using ExportFormat = DocStrange.Document.Export.OutputFormat;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

/// <summary>The published schema of the JSON output (docs/document.schema.json), applied by a full JSON Schema 2020-12 validator.</summary>
public class PublishedSchemaTests
{
    private static readonly JsonSchema Published = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "document.schema.json")), new BuildOptions());

    /// <summary>What the validator finds wrong with the value, each as "instance location: message"; empty when it is valid.</summary>
    internal static List<string> Problems(JsonElement value)
    {
        var results = Published.Evaluate(value, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        return [.. (results.Details ?? [results]).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    private static List<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Problems(document.RootElement);
    }

    [Fact]
    public void A_document_of_every_role_is_valid()
    {
        Assert.Empty(Problems(Render(ExportFormat.Json, EveryRole())));
    }

    [Fact]
    public void A_member_the_schema_does_not_know_is_refused()
    {
        var json = Render(ExportFormat.Json, EveryRole()).Replace("\"ordered\": true", "\"ordered\": true, \"colour\": \"red\"", StringComparison.Ordinal);
        Assert.Contains(Problems(json), p => p.Contains("colour", StringComparison.Ordinal));
    }
}
