using System.Text.Json;
using System.Text.Json.Nodes;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Document.Tests.Export;

public sealed class FieldsExporterTests
{
    private static DocumentModel WithFields() => new()
    {
        Metadata = new DocumentMetadata { FileName = "a.pdf", FileKind = FileKind.Pdf, PageCount = 1 },
        Pages = [new PageInfo(1, 595, 842)],
        Blocks = [new Block { Role = BlockRole.Paragraph, Text = "Total: $12.50", Provenance = new Provenance(1, new BoundingBox(10, 20, 90.123, 30)) }],
        Extracted = new ExtractedFields
        {
            Data = new JsonObject { ["total"] = 12.50m, ["iban"] = null },
            Findings =
            [
                new FieldFinding { Path = "total", Value = 12.50m, Raw = "$12.50", Currency = "USD", Confidence = 0.97, Source = FieldSource.KeyValue, Label = "Total", Page = 1, Box = new BoundingBox(10, 20, 90.123, 30), Text = "Total: $12.50" },
                new FieldFinding { Path = "iban", Reason = "not found" },
            ],
        },
    };

    [Fact]
    public void The_fields_output_has_the_data_and_each_fields_provenance()
    {
        using var json = JsonDocument.Parse(DocumentExporters.ExportToString(WithFields(), OutputFormat.Fields));
        var root = json.RootElement;
        Assert.Equal(12.50m, root.GetProperty("data").GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data").GetProperty("iban").ValueKind);
        var total = root.GetProperty("fields").GetProperty("total");
        Assert.Equal(["value", "raw", "currency", "confidence", "source", "label", "page", "bbox", "text"], total.EnumerateObject().Select(p => p.Name));
        Assert.Equal("key-value", total.GetProperty("source").GetString());
        Assert.Equal(90.12, total.GetProperty("bbox").GetProperty("right").GetDouble());
        Assert.Equal("not found", root.GetProperty("fields").GetProperty("iban").GetProperty("reason").GetString());
        Assert.True(root.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void The_json_output_carries_them_as_extracted_and_still_matches_the_published_schema()
    {
        using var json = JsonDocument.Parse(DocumentExporters.ExportToString(WithFields(), OutputFormat.Json));
        Assert.Equal("$12.50", json.RootElement.GetProperty("extracted").GetProperty("fields").GetProperty("total").GetProperty("raw").GetString());
        Assert.Empty(PublishedSchemaTests.Problems(json.RootElement));
    }

    [Fact]
    public void Without_fields_asked_for_the_json_output_has_no_extracted_and_the_fields_output_says_why()
    {
        var plain = WithFields() with { Extracted = null };
        using var json = JsonDocument.Parse(DocumentExporters.ExportToString(plain, OutputFormat.Json));
        Assert.False(json.RootElement.TryGetProperty("extracted", out _));
        using var fields = JsonDocument.Parse(DocumentExporters.ExportToString(plain, OutputFormat.Fields));
        Assert.Equal("no fields were asked for", fields.RootElement.GetProperty("reason").GetString());
    }
}
