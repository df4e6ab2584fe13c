using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Extraction.Tests.Fields;

namespace DocStrange.Api.Tests;

/// <summary>
/// <c>extract_mode</c> and the LLM engine through the API: the engine is a stand-in server that speaks the
/// chat-completions protocol (<see cref="ChatCompletionsStandIn"/>), since no model can run in the tests.
/// </summary>
public sealed class LlmExtractionTests : IDisposable
{
    private const string Invoice = "Invoice No.: INV-77\n\nACME Ltd\n";
    private readonly ChatCompletionsStandIn _server = new();

    private Dictionary<string, string> Llm(double timeoutSeconds = 10) => new()
    {
        ["DocStrange:Llm:BaseUrl"] = _server.BaseUrl,
        ["DocStrange:Llm:Model"] = "stand-in-model",
        ["DocStrange:Llm:ApiKey"] = "test-key",
        ["DocStrange:Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DocStrange:Llm:MaxAttempts"] = "2",
        ["DocStrange:Llm:RetryDelaySeconds"] = "0",
    };

    private static MultipartFormDataContent Form(params (string, string)[] fields) =>
        ApiClient.TextForm(Invoice, [("extract_fields", "invoice_number,supplier"), ("output_format", "fields"), .. fields]);

    private static async Task<(JsonElement Fields, JsonElement Metadata)> ResultAsync(HttpClient client, string jobId)
    {
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result?format=fields");
        return (JsonDocument.Parse(result.GetProperty("content").GetString()!).RootElement, result.GetProperty("metadata"));
    }

    [Fact]
    public async Task Llm_mode_on_a_server_without_an_llm_is_refused_with_its_own_code()
    {
        using var factory = new ApiFactory();
        var response = await factory.CreateClient().PostAsync("/api/v1/documents", Form(("extract_mode", "llm")));

        var problem = await ApiClient.ProblemAsync(response, 400, "LLM_NOT_CONFIGURED");
        Assert.Equal("extract_mode", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_extract_mode_is_an_invalid_request()
    {
        using var factory = new ApiFactory();
        var response = await factory.CreateClient().PostAsync("/api/v1/documents", Form(("extract_mode", "magic")));

        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Without_an_llm_auto_is_the_rules()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (fields, metadata) = await ResultAsync(client, await client.SubmitAsync(Form()));

        Assert.Equal("INV-77", fields.GetProperty("data").GetProperty("invoice_number").GetString());
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("data").GetProperty("supplier").ValueKind);
        Assert.Empty(metadata.GetProperty("warnings").EnumerateArray());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Auto_fills_what_the_rules_left_null_from_the_llm()
    {
        _server.Answer("""{"invoice_number": "WRONG", "supplier": "ACME Ltd"}""");
        using var factory = new ApiFactory(settings: Llm());
        var client = factory.CreateClient();

        var (fields, metadata) = await ResultAsync(client, await client.SubmitAsync(Form()));

        Assert.Equal("INV-77", fields.GetProperty("data").GetProperty("invoice_number").GetString());
        Assert.Equal("key-value", fields.GetProperty("fields").GetProperty("invoice_number").GetProperty("source").GetString());
        Assert.Equal("ACME Ltd", fields.GetProperty("data").GetProperty("supplier").GetString());
        Assert.Equal("llm", fields.GetProperty("fields").GetProperty("supplier").GetProperty("source").GetString());
        Assert.Empty(metadata.GetProperty("warnings").EnumerateArray());
        Assert.Equal("Bearer test-key", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task An_llm_that_does_not_answer_in_time_leaves_the_field_null_and_the_job_completes_with_a_warning()
    {
        _server.Answer("{}", delay: TimeSpan.FromSeconds(30)).Answer("{}", delay: TimeSpan.FromSeconds(30));
        // Long enough for the first call's start (its code compiled) on a busy machine, far shorter than the answer's delay.
        using var factory = new ApiFactory(settings: Llm(timeoutSeconds: 2));
        var client = factory.CreateClient();

        var (fields, metadata) = await ResultAsync(client, await client.SubmitAsync(Form(("extract_mode", "llm"))));

        Assert.Equal(JsonValueKind.Null, fields.GetProperty("data").GetProperty("supplier").ValueKind);
        Assert.Contains("did not answer within", fields.GetProperty("fields").GetProperty("supplier").GetProperty("reason").GetString());
        var warning = Assert.Single(metadata.GetProperty("warnings").EnumerateArray());
        Assert.Equal("PROCESSING_ERROR", warning.GetProperty("code").GetString());
        Assert.NotEmpty(_server.Requests);
    }

    [Fact]
    public async Task A_sandboxed_conversion_asks_the_llm_through_its_worker()
    {
        _server.Answer("""{"invoice_number": "INV-77", "supplier": "ACME Ltd"}""");
        var settings = Llm();
        settings["DocStrange:Worker:Sandbox:Enabled"] = "true";
        settings["DocStrange:Worker:Sandbox:Command"] = Path.Combine(AppContext.BaseDirectory, "docstrange.dll");
        using var factory = new ApiFactory(settings: settings);
        var client = factory.CreateClient();

        var (fields, _) = await ResultAsync(client, await client.SubmitAsync(Form(("extract_mode", "llm"))));

        Assert.Equal("ACME Ltd", fields.GetProperty("data").GetProperty("supplier").GetString());
        Assert.Equal("llm", fields.GetProperty("fields").GetProperty("invoice_number").GetProperty("source").GetString());
        Assert.Contains("Invoice No.: INV-77", Assert.Single(_server.Requests).Messages);
    }

    public void Dispose() => _server.Dispose();
}
