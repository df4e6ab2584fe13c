using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Api.Tests.OpenApi;

namespace DocStrange.Api.Tests;

public sealed class FieldsTests : IDisposable
{
    private const string Invoice = "Invoice No.: INV-77\nDate: 14 March 2024\nTotal due: $1,397.55\n";
    private readonly ApiFactory _factory = new();

    private static MultipartFormDataContent Text(params (string, string)[] fields) => ApiClient.TextForm(Invoice, fields);

    private static async Task<JsonElement> ResultAsync(HttpClient client, string jobId, string format)
    {
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result?format={format}");
        return JsonDocument.Parse(result.GetProperty("content").GetString()!).RootElement;
    }

    [Fact]
    public async Task Listed_fields_come_back_in_the_fields_output_and_in_the_json_outputs_extracted()
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(Text(("extract_fields", "invoice_number,date"), ("extract_fields", "total:currency"), ("output_format", "fields,json")));

        var fields = await ResultAsync(client, job, "fields");
        Assert.Equal("INV-77", fields.GetProperty("data").GetProperty("invoice_number").GetString());
        Assert.Equal("2024-03-14", fields.GetProperty("data").GetProperty("date").GetString());
        Assert.Equal(1397.55m, fields.GetProperty("data").GetProperty("total").GetDecimal());
        var total = fields.GetProperty("fields").GetProperty("total");
        Assert.Equal("key-value", total.GetProperty("source").GetString());
        Assert.Equal("$1,397.55", total.GetProperty("raw").GetString());

        var json = await ResultAsync(client, job, "json");
        Assert.Equal("INV-77", json.GetProperty("extracted").GetProperty("data").GetProperty("invoice_number").GetString());
    }

    [Fact]
    public async Task A_schema_is_filled_and_its_result_validated()
    {
        var client = _factory.CreateClient();
        const string schema = """{"type":"object","properties":{"invoice_number":{"type":"string"},"total":{"type":"number","title":"Total due"}},"required":["invoice_number"]}""";
        var job = await client.SubmitAsync(Text(("json_schema", schema), ("output_format", "fields")));
        var fields = await ResultAsync(client, job, "fields");
        Assert.Equal(1397.55m, fields.GetProperty("data").GetProperty("total").GetDecimal());
        Assert.True(fields.GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"total":{"type":"money"}}}""", "/properties/total/type")]
    [InlineData("""{"type":"object","properties":{"items":{"type":"array","items":{"type":"string"}}}}""", "/properties/items/items/type")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}""", "/required/0")]
    [InlineData("""{"type":"object","properties": [""", "/")]
    public async Task A_bad_schema_is_refused_naming_where(string schema, string path)
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", Text(("json_schema", schema)));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_SCHEMA");
        Assert.Equal(path, problem.GetProperty("error").GetProperty("details").GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_schema_over_the_limit_has_its_own_code()
    {
        var properties = string.Join(',', Enumerable.Range(0, 2500).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}"));
        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", Text(("json_schema", $"{{\"type\":\"object\",\"properties\":{{{properties}}}}}")));
        await ApiClient.ProblemAsync(response, 400, "SCHEMA_TOO_LARGE");
    }

    [Theory]
    [InlineData("extract_fields", "total:money")]
    [InlineData("output_format", "fields")]
    public async Task A_bad_field_list_or_a_fields_output_without_fields_is_refused(string name, string value)
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", Text((name, value)));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal(name, problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_field_options()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        var form = document.Resolve(document.Operation("post", "/api/v1/documents").GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema")).GetProperty("properties");
        Assert.Contains("name:type", form.GetProperty("extract_fields").GetProperty("description").GetString());
        Assert.Contains("JSON Schema", form.GetProperty("json_schema").GetProperty("description").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
