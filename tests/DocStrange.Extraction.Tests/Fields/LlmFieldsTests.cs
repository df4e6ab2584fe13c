using System.Text;
using System.Text.Json.Nodes;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Fields;
using DocStrange.Extraction.Fields.Llm;

namespace DocStrange.Extraction.Tests.Fields;

/// <summary>
/// The LLM engine against <see cref="ChatCompletionsStandIn"/>, a real HTTP server speaking the chat-completions
/// protocol: what is sent, what is taken from the answer, and how failures leave the fields null with a warning.
/// </summary>
public sealed class LlmFieldsTests : IDisposable
{
    private readonly ChatCompletionsStandIn _server = new();

    public void Dispose() => _server.Dispose();

    private LlmFieldClient Client(double timeoutSeconds = 10, int attempts = 3) => LlmFieldClient.Create(new LlmOptions
    {
        BaseUrl = _server.BaseUrl, Model = "stand-in-model", ApiKey = "test-key", TimeoutSeconds = timeoutSeconds, MaxAttempts = attempts, RetryDelaySeconds = 0.01,
    })!;

    private static DocumentModel Invoice() => new FieldDocuments()
        .Line("ACME Ltd")
        .Line("Invoice No.: INV-2024-0042")
        .Line("Please quote purchase order PO-7781 when paying.")
        .Line("Amount payable 1,397.55 USD")
        .Build();

    private static Task<DocumentModel> FillAsync(DocumentModel document, FieldRequest request, ExtractMode mode, ILlmFieldSource? llm)
    {
        if (mode != ExtractMode.Llm) document = document with { Extracted = FieldExtractor.Extract(document, request) };
        return LlmFields.FillAsync(document, request, mode, llm, CancellationToken.None);
    }

    private static FieldFinding Finding(DocumentModel document, string path) => document.Extracted!.Findings.Single(f => f.Path == path);

    [Fact]
    public async Task A_valid_answer_fills_the_fields_with_source_llm_traced_to_their_text()
    {
        _server.Answer("""{"po_number": "PO-7781", "payable": 1397.55}""");
        var request = FieldListParser.Parse(["po_number", "payable:number"]);

        var document = await FillAsync(Invoice(), request, ExtractMode.Llm, Client());

        Assert.Equal("PO-7781", (string?)document.Extracted!.Data["po_number"]);
        Assert.Equal(1397.55m, (decimal?)document.Extracted.Data["payable"]);
        var po = Finding(document, "po_number");
        Assert.Equal(FieldSource.Llm, po.Source);
        Assert.Equal(LlmMerge.LocatedConfidence, po.Confidence);
        Assert.Equal("Please quote purchase order PO-7781 when paying.", po.Text);
        Assert.Equal(1, po.Page);
        Assert.NotNull(po.Box);
        Assert.Equal("1,397.55", Finding(document, "payable").Raw);
        Assert.Empty(document.Warnings);

        var sent = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", sent.Path);
        Assert.Equal("Bearer test-key", sent.Authorization);
        Assert.Equal("stand-in-model", (string?)sent.Body["model"]);
        Assert.Contains("Invoice No.: INV-2024-0042", sent.Messages);
        Assert.Contains("po_number", sent.Messages);
        Assert.Equal("json_schema", (string?)sent.Body["response_format"]?["type"]);
        var schema = sent.Body["response_format"]!["json_schema"]!["schema"]!;
        Assert.Equal("number", (string?)schema["properties"]!["payable"]!["type"]![0]);
    }

    [Fact]
    public async Task A_value_whose_text_is_nowhere_in_the_document_has_no_place_and_a_lower_confidence()
    {
        _server.Answer("""{"customer": "Globex Corporation"}""");

        var document = await FillAsync(Invoice(), FieldListParser.Parse(["customer"]), ExtractMode.Llm, Client());

        var finding = Finding(document, "customer");
        Assert.Equal("Globex Corporation", (string?)finding.Value);
        Assert.Equal(LlmMerge.UnlocatedConfidence, finding.Confidence);
        Assert.Null(finding.Box);
        Assert.Null(finding.Page);
    }

    [Fact]
    public async Task Auto_fills_only_the_fields_the_rules_left_null()
    {
        _server.Answer("""{"invoice_number": "WRONG-1", "supplier": "ACME Ltd"}""");
        var request = FieldListParser.Parse(["invoice_number", "supplier"]);

        var document = await FillAsync(Invoice(), request, ExtractMode.Auto, Client());

        Assert.Equal("INV-2024-0042", (string?)document.Extracted!.Data["invoice_number"]);
        Assert.Equal(FieldSource.KeyValue, Finding(document, "invoice_number").Source);
        Assert.Equal("ACME Ltd", (string?)document.Extracted.Data["supplier"]);
        Assert.Equal(FieldSource.Llm, Finding(document, "supplier").Source);
        Assert.Equal("ACME Ltd", Finding(document, "supplier").Text);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Auto_does_not_ask_the_llm_when_the_rules_found_every_field()
    {
        var document = await FillAsync(Invoice(), FieldListParser.Parse(["invoice_number"]), ExtractMode.Auto, Client());

        Assert.Equal(FieldSource.KeyValue, Finding(document, "invoice_number").Source);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_next_answer_taken()
    {
        _server.Fail(500).Answer("""{"po_number": "PO-7781"}""");

        var document = await FillAsync(Invoice(), FieldListParser.Parse(["po_number"]), ExtractMode.Llm, Client());

        Assert.Equal("PO-7781", (string?)document.Extracted!.Data["po_number"]);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public async Task Answers_that_are_not_json_are_retried_then_the_field_is_null_with_a_reason_and_a_warning()
    {
        _server.Answer("Sure! The PO number is PO-7781.").Answer("{not json");

        var document = await FillAsync(Invoice(), FieldListParser.Parse(["po_number"]), ExtractMode.Llm, Client(attempts: 2));

        Assert.Equal(2, _server.Requests.Count);
        Assert.True(document.Extracted!.Data.ContainsKey("po_number"));
        Assert.Null(document.Extracted.Data["po_number"]);
        var finding = Finding(document, "po_number");
        Assert.Null(finding.Source);
        Assert.Contains("not a JSON object", finding.Reason);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(ErrorCode.ProcessingError, warning.Code);
        Assert.Contains("LLM", warning.Message);
    }

    [Fact]
    public async Task An_answer_that_breaks_the_schema_is_retried_then_left_out_with_a_reason()
    {
        const string schema = """{"type": "object", "properties": {"total": {"type": "number"}, "po": {"type": "string"}}, "required": ["total"]}""";
        _server.Answer("""{"total": "a lot", "po": "PO-7781"}""").Answer("""{"total": "still a lot"}""").Answer("""{"total": "no"}""");

        var document = await FillAsync(Invoice(), FieldSchemaParser.Parse(schema), ExtractMode.Llm, Client());

        Assert.Equal(3, _server.Requests.Count);
        Assert.False(document.Extracted!.Data.ContainsKey("total"));
        Assert.Contains("breaks the schema", Finding(document, "total").Reason);
        Assert.NotEmpty(document.Extracted.SchemaErrors);
        Assert.Single(document.Warnings);
    }

    [Fact]
    public async Task A_schema_answer_is_validated_and_nulls_for_what_the_document_lacks_are_no_fault()
    {
        const string schema = """{"type": "object", "properties": {"total": {"type": "number"}, "po": {"type": "string"}}, "required": ["total"]}""";
        _server.Answer("""{"total": 1397.55, "po": null}""");

        var document = await FillAsync(Invoice(), FieldSchemaParser.Parse(schema), ExtractMode.Llm, Client());

        Assert.Single(_server.Requests);
        Assert.Equal(1397.55m, (decimal?)document.Extracted!.Data["total"]);
        Assert.False(document.Extracted.Data.ContainsKey("po"));
        Assert.Equal("the LLM found no value for it either", Finding(document, "po").Reason);
        Assert.Empty(document.Extracted.SchemaErrors);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public async Task Line_items_the_rules_cannot_find_come_from_the_llm()
    {
        const string schema = """{"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}}}}""";
        _server.Answer("""{"items": [{"sku": "PO-7781", "qty": 2}, {"sku": "B-2"}]}""");

        var document = await FillAsync(Invoice(), FieldSchemaParser.Parse(schema), ExtractMode.Auto, Client());

        var items = document.Extracted!.Data["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(2, (int?)items[0]!["qty"]);
        Assert.Equal(FieldSource.Llm, Finding(document, "items").Source);
        Assert.Equal(FieldSource.Llm, Finding(document, "items[0].sku").Source);
        Assert.Equal("the LLM gave no value for it", Finding(document, "items[1].qty").Reason);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_leaves_the_field_null_with_a_warning()
    {
        _server.Answer("""{"po_number": "PO-7781"}""", delay: TimeSpan.FromSeconds(20));

        var document = await FillAsync(Invoice(), FieldListParser.Parse(["po_number"]), ExtractMode.Llm, Client(timeoutSeconds: 0.5, attempts: 1));

        Assert.Null(document.Extracted!.Data["po_number"]);
        Assert.Contains("did not answer within 0.5 s", Finding(document, "po_number").Reason);
        Assert.Contains("did not answer", Assert.Single(document.Warnings).Message);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _server.Fail(401).Answer("""{"po_number": "PO-7781"}""");

        var document = await FillAsync(Invoice(), FieldListParser.Parse(["po_number"]), ExtractMode.Llm, Client());

        Assert.Single(_server.Requests);
        Assert.Contains("HTTP 401", Finding(document, "po_number").Reason);
    }

    [Fact]
    public async Task Llm_mode_without_an_llm_leaves_every_field_null_and_says_so()
    {
        var document = await FillAsync(Invoice(), FieldListParser.Parse(["invoice_number"]), ExtractMode.Llm, null);

        Assert.Null(document.Extracted!.Data["invoice_number"]);
        Assert.Contains("no LLM is configured", Finding(document, "invoice_number").Reason);
        Assert.Single(document.Warnings);
    }

    [Fact]
    public async Task The_converter_runs_the_llm_stage_after_the_rules()
    {
        _server.Answer("""{"supplier": "ACME Ltd"}""");
        var stages = new List<string>();
        var result = await Convert(ExtractMode.Auto, Client(), stages);

        Assert.Equal("INV-1", (string?)result.Extracted!.Data["invoice_number"]);
        Assert.Equal("ACME Ltd", (string?)result.Extracted.Data["supplier"]);
        Assert.Contains(ConversionStages.Extracting, stages);
    }

    [Fact]
    public async Task Without_an_llm_auto_is_the_rules_and_writes_the_same_bytes()
    {
        var auto = await Convert(ExtractMode.Auto, null, []);
        var rules = await Convert(ExtractMode.Rules, Client(), []);

        Assert.Empty(_server.Requests);
        foreach (var format in (OutputFormat[])[OutputFormat.Fields, OutputFormat.Json])
        {
            Assert.Equal(Export(rules, format), Export(auto, format));
        }
        Assert.Null(auto.Extracted!.Data["supplier"]);
        Assert.Null(auto.Extracted.Findings.Single(f => f.Path == "supplier").Source);
    }

    private static async Task<DocumentModel> Convert(ExtractMode mode, ILlmFieldSource? llm, List<string> stages)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("Invoice No.: INV-1\n\nACME Ltd\n"));
        var options = new ConversionOptions { Fields = FieldListParser.Parse(["invoice_number", "supplier"]), ExtractMode = mode };
        var request = new ConversionRequest("invoice.txt", FileKind.Text, options) { Llm = llm, Progress = new SyncProgress<ConversionProgress>(p => stages.Add(p.Stage)) };
        return await DocumentConverter.CreateDefault().ConvertAsync(input, request);
    }

    private static string Export(DocumentModel document, OutputFormat format)
    {
        var text = new StringWriter { NewLine = "\n" };
        DocumentExporters.Get(format).Write(document, text, new ExportOptions());
        return text.ToString();
    }
}
