using System.Text;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Extraction.Fields;

namespace DocStrange.Extraction.Tests.Fields;

public sealed class SchemaExtractionTests
{
    private static readonly FieldDocuments Invoice = new FieldDocuments()
        .Line("Invoice Number: A-17").Line("Total: 99.50 EUR")
        .Table(["Description", "Qty"], ["Paper", "2"], ["Ink", "1"]);

    [Fact]
    public void A_filled_schema_validates_and_leaves_out_what_was_not_found()
    {
        var request = FieldSchemaParser.Parse("""
            {"type": "object", "properties": {
               "invoice_number": {"type": "string"}, "total": {"type": "number"}, "due_date": {"type": "string", "format": "date"},
               "items": {"type": "array", "items": {"type": "object", "properties": {"description": {"type": "string"}, "qty": {"type": "integer"}}}}}}
            """);
        var result = FieldExtractor.Extract(Invoice.Build(), request);
        Assert.Empty(result.SchemaErrors);
        Assert.False(result.Data.ContainsKey("due_date"));
        Assert.NotNull(result.Findings.Single(f => f.Path == "due_date").Reason);
        Assert.Equal(2, result.Data["items"]!.AsArray().Count);
        Assert.Equal(2L, (long?)result.Data["items"]![0]!["qty"]);
    }

    [Fact]
    public void A_required_field_not_found_is_reported_as_a_schema_error()
    {
        var request = FieldSchemaParser.Parse("""{"type": "object", "properties": {"iban": {"type": "string"}}, "required": ["iban"]}""");
        var result = FieldExtractor.Extract(Invoice.Build(), request);
        Assert.Contains(result.SchemaErrors, e => e.Contains("iban", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_the_validator_cannot_use_is_a_schema_error_not_a_failure()
    {
        // Intake refuses such schemas; one stored before a check existed must still not fail the conversion.
        var errors = SchemaCheck.Errors("""{"type": "object", "minProperties": "one"}""", new System.Text.Json.Nodes.JsonObject { ["total"] = 1 });
        Assert.Contains(errors, e => e.Contains("could not be applied", StringComparison.Ordinal));
    }

    // A stall guard, not a timing: matching is linear in labels × properties, a few seconds on a slow runner.
    [Fact(Timeout = 120_000)]
    public async Task A_thousand_properties_do_not_stall()
    {
        await Task.Yield();
        var properties = string.Join(',', Enumerable.Range(0, 1000).Select(i => $"\"field_number_{i}\":{{\"type\":\"string\",\"title\":\"box {i}\"}}"));
        var request = FieldSchemaParser.Parse($"{{\"type\":\"object\",\"properties\":{{{properties},\"total\":{{\"type\":\"number\"}}}}}}");
        var document = new FieldDocuments();
        for (var i = 0; i < 200; i++) document.Line($"Field numbr {i}: value {i} and some more words on the line");
        document.Line("Total: 99.50");
        var result = FieldExtractor.Extract(document.Build(), request);
        Assert.Equal(99.50m, (decimal?)result.Data["total"]);
    }

    [Fact]
    public async Task The_converter_reads_the_fields_it_is_asked_for_from_any_input()
    {
        var converter = DocumentConverter.CreateDefault();
        var options = new ConversionOptions { Fields = FieldListParser.Parse(["invoice_number,total"]) };
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("Invoice Number: A-17\n\nTotal: 99.50\n"));
        var document = await converter.ConvertAsync(input, new ConversionRequest("a.txt", FileKind.Text, options));
        Assert.Equal("A-17", (string?)document.Extracted!.Data["invoice_number"]);
        Assert.Equal(99.50m, (decimal?)document.Extracted.Data["total"]);
    }
}
