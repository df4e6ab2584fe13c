using DocStrange.Document.Errors;
using DocStrange.Document.Fields;

namespace DocStrange.Document.Tests.Fields;

public sealed class FieldSchemaParserTests
{
    [Fact]
    public void The_subset_becomes_typed_fields_with_their_descriptions()
    {
        var request = FieldSchemaParser.Parse("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "properties": {
               "invoice_number": {"type": "string", "title": "Invoice No.", "examples": ["INV-1"]},
               "issued": {"type": "string", "format": "date", "description": "Date of issue"},
               "total": {"type": ["number", "null"]},
               "paid": {"type": "boolean"},
               "status": {"enum": ["paid", "open"]},
               "vendor": {"type": "object", "properties": {"email": {"type": "string", "format": "email"}}},
               "items": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer"}}}}
             },
             "required": ["invoice_number"]}
            """);
        Assert.Equal(["invoice_number", "issued", "total", "paid", "status", "vendor", "items"], request.Fields.Select(f => f.Name));
        Assert.Equal([FieldType.String, FieldType.Date, FieldType.Number, FieldType.Boolean, FieldType.String, FieldType.Object, FieldType.Array],
            request.Fields.Select(f => f.Type));
        Assert.Equal("Invoice No.", request.Fields[0].Title);
        Assert.Equal(["INV-1"], request.Fields[0].Examples);
        Assert.Equal("Date of issue", request.Fields[1].Description);
        Assert.Equal(["paid", "open"], request.Fields[4].Choices);
        Assert.Equal(FieldType.Email, request.Fields[5].Properties.Single().Type);
        Assert.Equal(FieldType.Integer, request.Fields[6].Properties.Single().Type);
        Assert.NotNull(request.Schema);
    }

    [Fact]
    public void A_string_named_like_a_phone_number_is_read_as_one()
    {
        var request = FieldSchemaParser.Parse("""{"type": "object", "properties": {"phone": {"type": "string"}, "mobile_phone": {"type": "string"}, "note": {"type": "string"}}}""");
        Assert.Equal([FieldType.Phone, FieldType.Phone, FieldType.String], request.Fields.Select(f => f.Type));
    }

    [Theory]
    [InlineData("""not json""", "/")]
    [InlineData("""{"type": "string"}""", "/")]
    [InlineData("""{"type": "object"}""", "/properties")]
    [InlineData("""{"type": "object", "properties": {"a": "string"}}""", "/properties/a")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "date"}}}""", "/properties/a/type")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string", "oneOf": []}}}""", "/properties/a/oneOf")]
    [InlineData("""{"type": "object", "properties": {"a/b": {"type": "array"}}}""", "/properties/a~1b/items")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string", "title": 3}}}""", "/properties/a/title")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string", "pattern": "(unclosed"}}}""", "/properties/a/pattern")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "number", "minimum": "zero"}}}""", "/properties/a/minimum")]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string", "maxLength": -1}}}""", "/properties/a/maxLength")]
    [InlineData("""{"type": "object", "minProperties": 1, "properties": {"a": {"type": "string"}}}""", "/minProperties")]
    [InlineData("""{"type": "object", "additionalProperties": "no", "properties": {"a": {"type": "string"}}}""", "/additionalProperties")]
    public void A_schema_outside_the_subset_is_invalid_naming_the_path(string schema, string path)
    {
        var error = Assert.Throws<DocStrangeException>(() => FieldSchemaParser.Parse(schema));
        Assert.Equal(ErrorCode.InvalidSchema, error.Code);
        Assert.Equal(path, error.Details!["path"]);
    }

    [Fact]
    public void Schemas_over_the_limits_are_too_large()
    {
        var many = string.Join(',', Enumerable.Range(0, FieldLimits.MaxSchemaProperties + 1).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}"));
        Assert.Equal(ErrorCode.SchemaTooLarge, Assert.Throws<DocStrangeException>(() => FieldSchemaParser.Parse($"{{\"type\":\"object\",\"properties\":{{{many}}}}}")).Code);

        var deep = "{\"type\":\"string\"}";
        for (var i = 0; i < FieldLimits.MaxSchemaDepth + 1; i++) deep = $"{{\"type\":\"object\",\"properties\":{{\"a\":{deep}}}}}";
        Assert.Equal(ErrorCode.SchemaTooLarge, Assert.Throws<DocStrangeException>(() => FieldSchemaParser.Parse(deep)).Code);

        var long_ = $"{{\"type\":\"object\",\"properties\":{{\"a\":{{\"type\":\"string\",\"description\":\"{new string('x', FieldLimits.MaxSchemaChars)}\"}}}}}}";
        Assert.Equal(ErrorCode.SchemaTooLarge, Assert.Throws<DocStrangeException>(() => FieldSchemaParser.Parse(long_)).Code);
    }

    // A stall guard, not a timing.
    [Fact(Timeout = 60_000)]
    public async Task A_thousand_properties_parse_at_once()
    {
        await Task.Yield();
        var properties = string.Join(',', Enumerable.Range(0, 1000).Select(i => $"\"field_{i}\":{{\"type\":\"string\"}}"));
        var request = FieldSchemaParser.Parse($"{{\"type\":\"object\",\"properties\":{{{properties}}}}}");
        Assert.Equal(1000, request.Fields.Count);
    }
}
