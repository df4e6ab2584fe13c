using System.Text.Json.Nodes;
using DocStrange.Document.Fields;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The extracted fields as JSON, the same in the <c>fields</c> output and in the <c>json</c> output's
/// <c>extracted</c>: <c>data</c> (the object asked for), <c>fields</c> (per path: value, raw text, confidence,
/// source, label, page, bbox, text; or a null value and its reason), <c>valid</c> and <c>schema_errors</c>.
/// </summary>
public static class FieldsJson
{
    /// <summary>The JSON of <paramref name="extracted"/>.</summary>
    public static JsonObject ToJson(ExtractedFields extracted)
    {
        var fields = new JsonObject();
        foreach (var finding in extracted.Findings) fields[finding.Path] = ToJson(finding);
        return new JsonObject
        {
            ["data"] = extracted.Data.DeepClone(),
            ["fields"] = fields,
            ["valid"] = extracted.SchemaErrors.Count == 0,
            ["schema_errors"] = new JsonArray([.. extracted.SchemaErrors.Select(e => (JsonNode?)JsonValue.Create(e))]),
        };
    }

    private static JsonObject ToJson(FieldFinding finding)
    {
        var json = new JsonObject { ["value"] = finding.Value?.DeepClone() };
        if (finding.Raw is { } raw) json["raw"] = raw;
        if (finding.Currency is { } currency) json["currency"] = currency;
        json["confidence"] = Math.Round(finding.Confidence, 4);
        if (finding.Source is { } source) json["source"] = SourceName(source);
        if (finding.Label is { } label) json["label"] = label;
        if (finding.Page is { } page) json["page"] = page;
        if (finding.Box is { } box) json["bbox"] = ToJson(box);
        if (finding.Text is { } text) json["text"] = text;
        if (finding.Reason is { } reason) json["reason"] = reason;
        return json;
    }

    /// <summary>The wire name of a source: <c>key-value</c>, <c>table</c>, <c>pattern</c>, <c>llm</c>.</summary>
    public static string SourceName(FieldSource source) => source switch
    {
        FieldSource.KeyValue => "key-value",
        FieldSource.Table => "table",
        FieldSource.Llm => "llm",
        _ => "pattern",
    };

    private static JsonObject ToJson(BoundingBox box) => new()
    {
        ["left"] = Math.Round(box.Left, 2), ["top"] = Math.Round(box.Top, 2), ["right"] = Math.Round(box.Right, 2), ["bottom"] = Math.Round(box.Bottom, 2),
    };
}
