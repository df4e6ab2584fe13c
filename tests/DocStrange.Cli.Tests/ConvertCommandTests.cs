namespace DocStrange.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-cli-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task One_file_without_an_output_option_goes_to_stdout()
    {
        var file = Write("note.txt", "First line\ncontinued\n\nSecond\n");
        var outcome = await CliRunner.RunAsync("convert", file);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("First line continued\n\nSecond\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
    }

    [Fact]
    public async Task With_an_output_folder_each_input_becomes_a_file_and_a_failure_does_not_stop_the_others()
    {
        var good = Write("good.txt", "Good text\n");
        var other = Write("other.txt", "Other text\n");
        var binary = Path.Combine(_dir, "fake.txt");
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0, 1, 2, 3, 0]);
        var output = Path.Combine(_dir, "out");

        var outcome = await CliRunner.RunAsync("convert", good, binary, Path.Combine(_dir, "absent.txt"), other, "--output", output, "--format", "text");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("Good text\n", File.ReadAllText(Path.Combine(output, "good.txt.txt")));
        Assert.Equal("Other text\n", File.ReadAllText(Path.Combine(output, "other.txt.txt")));
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, e => e.Contains("fake.txt: INVALID_FILE_TYPE"));
        Assert.Contains(lines, e => e.Contains("absent.txt: no such file"));
        Assert.Equal(2, lines.Count(l => l.Contains(": 1 page in ")));
        Assert.StartsWith("docstrange: 4 files: 2 converted, 2 failed; 2 pages; ", lines[^1]);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public async Task Several_files_report_progress_per_file_on_stderr_and_leave_stdout_as_it_was()
    {
        var pdf = Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf");
        var alone = await CliRunner.RunAsync("convert", pdf);
        var output = Path.Combine(_dir, "out");

        var outcome = await CliRunner.RunAsync("convert", pdf, Write("note.txt", "Alpha\n"), "--output", output);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(alone.Stdout, File.ReadAllText(Path.Combine(output, "multi_page.pdf.md")));
        var pdfLines = outcome.Stderr.Split('\n').Where(l => l.StartsWith($"docstrange: {pdf}: ")).ToList();
        Assert.Contains($"docstrange: {pdf}: parsing 40%, 2/5 pages", pdfLines);
        Assert.StartsWith($"docstrange: {pdf}: 5 pages in ", pdfLines[^1]);
        Assert.Equal("", alone.Stderr);
    }

    [Fact]
    public async Task Json_output_is_the_document_model()
    {
        var file = Write("note.txt", "Alpha\n");
        var outcome = await CliRunner.RunAsync("convert", file, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("Alpha", json.RootElement.GetProperty("blocks")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Include_notes_adds_a_presentation_s_speaker_notes()
    {
        var deck = Path.Combine(AppContext.BaseDirectory, "data", "powerpoint_sample.pptx");
        var without = await CliRunner.RunAsync("convert", deck);
        var with = await CliRunner.RunAsync("convert", deck, "--include-notes");
        Assert.Equal((0, 0), (without.ExitCode, with.ExitCode));
        Assert.DoesNotContain("Some notes on the second slide.", without.Stdout);
        Assert.Contains("Some notes on the second slide.", with.Stdout);
    }

    [Fact]
    public async Task A_bad_format_or_option_mix_is_a_usage_error()
    {
        var file = Write("note.txt", "Alpha\n");
        Assert.Equal(2, (await CliRunner.RunAsync("convert", file, "--format", "docx")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("convert", file, file, "-o", Path.Combine(_dir, "x.md"))).ExitCode);
    }

    [Fact]
    public async Task The_ocr_engine_is_chosen_by_name_and_an_unknown_one_is_a_usage_error()
    {
        var image = Path.Combine(AppContext.BaseDirectory, "data", "phototest.png");

        var paddle = await CliRunner.RunAsync("convert", image, "--ocr-engine", "paddle");
        var unknown = await CliRunner.RunAsync("convert", image, "--ocr-engine", "easyocr");

        Assert.Equal(0, paddle.ExitCode);
        Assert.Contains("The quick brown dog jumped over the lazy fox", paddle.Stdout);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--ocr-engine must be auto, tesseract or paddle, not \"easyocr\"", unknown.Stderr);
    }

    [Fact]
    public async Task The_extract_mode_is_checked_and_llm_needs_an_llm()
    {
        var file = Write("invoice.txt", "Invoice No.: INV-1\n\nACME Ltd\n");

        var unknown = await CliRunner.RunAsync("convert", file, "--fields", "invoice_number", "--extract-mode", "magic");
        var unconfigured = await CliRunner.RunAsync("convert", file, "--fields", "invoice_number", "--extract-mode", "llm");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--extract-mode must be auto, rules or llm, not \"magic\"", unknown.Stderr);
        Assert.Equal(2, unconfigured.ExitCode);
        Assert.Contains("LLM_NOT_CONFIGURED", unconfigured.Stderr);
    }

    [Fact]
    public async Task An_llm_configured_in_the_environment_fills_what_the_rules_left_null()
    {
        using var server = new Extraction.Tests.Fields.ChatCompletionsStandIn().Answer("""{"invoice_number": "WRONG", "supplier": "ACME Ltd"}""");
        var file = Write("invoice.txt", "Invoice No.: INV-1\n\nACME Ltd\n");
        var environment = new Dictionary<string, string> { ["DocStrange__Llm__BaseUrl"] = server.BaseUrl, ["DocStrange__Llm__Model"] = "stand-in-model" };

        var result = await CliRunner.RunWithEnvironmentAsync(environment, "convert", file, "--fields", "invoice_number,supplier");

        Assert.Equal(0, result.ExitCode);
        using var fields = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal("INV-1", fields.RootElement.GetProperty("data").GetProperty("invoice_number").GetString());
        Assert.Equal("llm", fields.RootElement.GetProperty("fields").GetProperty("supplier").GetProperty("source").GetString());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Page_breaks_mark_where_each_page_starts()
    {
        var file = Write("note.txt", "First\n\nSecond\n");
        Assert.Equal("<!-- page 1 -->\n\nFirst\n\nSecond\n", (await CliRunner.RunAsync("convert", file, "--page-breaks")).Stdout);
        Assert.Equal("--- page 1 ---\n\nFirst\n\nSecond\n", (await CliRunner.RunAsync("convert", file, "--page-breaks", "--format", "text")).Stdout);
        Assert.Equal("First\n\nSecond\n", (await CliRunner.RunAsync("convert", file)).Stdout);
    }

    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Images_as_files_are_written_next_to_the_markdown_that_links_them()
    {
        var file = Write("figure.html", $"<p>Before</p><figure><img src=\"data:image/png;base64,{OnePixelPng}\" alt=\"dot\"></figure>");
        var output = Path.Combine(_dir, "out");

        var outcome = await CliRunner.RunAsync("convert", file, "--images", "files", "--output", output);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("Before\n\n![dot](images/1-1.png)\n", File.ReadAllText(Path.Combine(output, "figure.html.md")));
        Assert.Equal(Convert.FromBase64String(OnePixelPng), File.ReadAllBytes(Path.Combine(output, "images", "1-1.png")));
    }

    [Theory]
    [InlineData("--images", "pictures")]
    [InlineData("--images", "files")]
    public async Task Images_is_refused_with_an_unknown_mode_or_files_to_stdout(string option, string value)
    {
        var file = Write("figure.html", "<figure><img src=\"x.png\"></figure>");
        var outcome = await CliRunner.RunAsync("convert", file, option, value);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--images", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunks_are_sized_by_chunk_tokens_and_a_bad_size_is_a_usage_error()
    {
        var file = Write("long.txt", string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Paragraph {i} says something short.")) + "\n");
        var outcome = await CliRunner.RunAsync("convert", file, "--format", "chunks", "--chunk-tokens", "24");
        Assert.Equal(0, outcome.ExitCode);
        var chunks = System.Text.Json.JsonDocument.Parse(outcome.Stdout).RootElement.EnumerateArray().ToArray();
        Assert.True(chunks.Length > 3);
        Assert.All(chunks, c => Assert.InRange(c.GetProperty("tokens").GetInt32(), 1, 24));

        var bad = await CliRunner.RunAsync("convert", file, "--format", "chunks", "--chunk-overlap", "12", "--chunk-tokens", "24");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--chunk-overlap", bad.Stderr);
    }

    [Fact]
    public async Task Version_is_printed()
    {
        var outcome = await CliRunner.RunAsync("--version");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Stdout.Trim());
    }

    [Fact]
    public async Task Fields_asked_for_are_written_as_the_fields_output()
    {
        var file = Write("invoice.txt", "Invoice No.: INV-9\n\nTotal due: 12,50 EUR\n");
        var outcome = await CliRunner.RunAsync("convert", file, "--fields", "invoice_number,total:currency");
        Assert.Equal(0, outcome.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("INV-9", json.RootElement.GetProperty("data").GetProperty("invoice_number").GetString());
        Assert.Equal(12.5m, json.RootElement.GetProperty("data").GetProperty("total").GetDecimal());
        Assert.Equal("EUR", json.RootElement.GetProperty("fields").GetProperty("total").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_schema_file_is_filled_and_a_bad_one_is_refused_with_its_path()
    {
        var file = Write("invoice.txt", "Invoice No.: INV-9\n");
        var good = Write("good.json", """{"type":"object","properties":{"invoice_number":{"type":"string"}}}""");
        var outcome = await CliRunner.RunAsync("convert", file, "--schema", good, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"extracted\"", outcome.Stdout);

        var bad = Write("bad.json", """{"type":"object","properties":{"n":{"type":"money"}}}""");
        outcome = await CliRunner.RunAsync("convert", file, "--schema", bad);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("/properties/n/type", outcome.Stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
