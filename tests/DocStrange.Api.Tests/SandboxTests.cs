using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>
/// Conversions in a sandbox child (<c>DocStrange:Worker:Sandbox</c>): a document over its memory or CPU
/// budget, or one that crashes its reader, fails its own job for good while the server and its other
/// slot go on. The child is the docstrange executable built beside the tests, or a stand-in script
/// that misbehaves the way a hostile document would make a reader misbehave.
/// </summary>
public sealed class SandboxTests : IDisposable
{
    private readonly string _scripts = Directory.CreateTempSubdirectory("docstrange-sandbox-test-").FullName;

    private static string Docstrange => Path.Combine(AppContext.BaseDirectory, "docstrange.dll");

    [Fact]
    public async Task A_document_over_the_memory_budget_fails_for_good_while_the_other_slot_completes()
    {
        using var factory = Sandboxed(Docstrange, memoryMb: 128);
        var client = factory.CreateClient();
        // 1,500,000 numeric cells: about 600 MB to convert (well past the budget however the collector runs), 4.5 MB to send.
        var big = await client.SubmitAsync(ApiClient.Form("rows.xlsx", Workbook(rows: 150_000, columns: 10)));
        var small = await client.SubmitAsync(ApiClient.TextForm("Still converting\n"));

        var done = await client.WaitFinalAsync(small);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("Still converting\n", await client.GetStringAsync($"/api/v1/jobs/{small}/download"));

        var failed = await client.WaitFinalAsync(big);
        var error = AssertFailedForGood(failed, "RESOURCE_LIMIT");
        Assert.Equal("memory", error.GetProperty("details").GetProperty("limit").GetString());
        Assert.Equal(128, error.GetProperty("details").GetProperty("max_mb").GetInt32());
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{big}/result"), 422, "RESOURCE_LIMIT");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health")).StatusCode);
    }

    [Fact]
    public async Task Native_memory_over_the_budget_is_stopped_by_the_watch()
    {
        // Memory the .NET heap limit cannot see (a native library, a helper process): tail buffers /dev/zero without end.
        using var factory = Sandboxed(Script("exec tail /dev/zero"), memoryMb: 64);
        var client = factory.CreateClient();
        var job = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.TextForm()));

        var error = AssertFailedForGood(job, "RESOURCE_LIMIT");
        Assert.Equal("memory", error.GetProperty("details").GetProperty("limit").GetString());
    }

    [Fact]
    public async Task A_conversion_over_its_cpu_time_is_stopped()
    {
        using var factory = Sandboxed(Script("while :; do :; done"), cpuSeconds: 1);
        var client = factory.CreateClient();
        var job = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.TextForm()));

        var error = AssertFailedForGood(job, "RESOURCE_LIMIT");
        Assert.Equal("cpu_time", error.GetProperty("details").GetProperty("limit").GetString());
        Assert.Equal(1, error.GetProperty("details").GetProperty("max_seconds").GetInt32());
    }

    [Theory]
    [InlineData("echo 'Stack overflow.' >&2; echo '   at DocStrange.Nested.Read()' >&2; kill -ABRT $$", "stack_overflow", "SIGABRT")]
    [InlineData("kill -SEGV $$", "crashed", "SIGSEGV")]
    public async Task A_reader_that_crashes_fails_its_job_as_unreadable_and_the_server_stays_up(string crash, string reason, string signal)
    {
        using var factory = Sandboxed(Script(crash));
        var client = factory.CreateClient();
        var job = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.TextForm()));

        var error = AssertFailedForGood(job, "UNREADABLE_DOCUMENT");
        Assert.Equal(reason, error.GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal(signal, error.GetProperty("details").GetProperty("signal").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health")).StatusCode);
    }

    [Fact]
    public async Task A_sandboxed_conversion_gives_the_same_result_as_one_in_process()
    {
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));
        (string Name, string Value)[] formats = [("output_format", "markdown,json")];
        var runs = Path.Combine(_scripts, "runs");
        using var sandboxed = Sandboxed(Script($"echo \"$@\" >> '{runs}'; exec dotnet '{Docstrange}' \"$@\""));
        using var inProcess = new ApiFactory(settings: new Dictionary<string, string> { ["DocStrange:Worker:Sandbox:Enabled"] = "false" });

        var (child, own) = (sandboxed.CreateClient(), inProcess.CreateClient());
        var childJob = await child.WaitFinalAsync(await child.SubmitAsync(ApiClient.Form("report.pdf", pdf, formats)));
        var ownJob = await own.WaitFinalAsync(await own.SubmitAsync(ApiClient.Form("report.pdf", pdf, formats)));

        Assert.Equal("completed", childJob.GetProperty("status").GetString());
        Assert.Contains("sandbox-convert", await File.ReadAllTextAsync(runs));
        Assert.Equal(ownJob.GetProperty("progress").GetRawText(), childJob.GetProperty("progress").GetRawText());
        foreach (var format in new[] { "markdown", "json" })
        {
            // The JSON output carries the page list and the warnings too.
            Assert.Equal(
                await own.GetStringAsync($"/api/v1/jobs/{ownJob.GetProperty("job_id").GetString()}/download?format={format}"),
                await child.GetStringAsync($"/api/v1/jobs/{childJob.GetProperty("job_id").GetString()}/download?format={format}"));
        }
    }

    [Fact]
    public async Task A_sandboxed_conversion_stores_the_same_image_files_as_one_in_process()
    {
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", "picture_classification.pdf"));
        using var sandboxed = Sandboxed(Script($"exec dotnet '{Docstrange}' \"$@\""));
        using var inProcess = new ApiFactory(settings: new Dictionary<string, string> { ["DocStrange:Worker:Sandbox:Enabled"] = "false" });

        var (child, own) = (sandboxed.CreateClient(), inProcess.CreateClient());
        var childJob = await child.SubmitAsync(ApiClient.Form("figures.pdf", pdf, ("images", "files")));
        var ownJob = await own.SubmitAsync(ApiClient.Form("figures.pdf", pdf, ("images", "files")));
        var markdown = await child.CompletedContentAsync(childJob);

        Assert.Equal(await own.CompletedContentAsync(ownJob), markdown);
        foreach (var name in new[] { "1-1.jpg", "2-1.jpg" })
        {
            Assert.Contains($"(images/{name})", markdown, StringComparison.Ordinal);
            Assert.Equal(
                await own.GetByteArrayAsync($"/api/v1/jobs/{ownJob}/result/images/{name}"),
                await child.GetByteArrayAsync($"/api/v1/jobs/{childJob}/result/images/{name}"));
        }
    }

    /// <summary>The job failed at its first attempt and will not be tried again; returns its error.</summary>
    private static JsonElement AssertFailedForGood(JsonElement job, string code)
    {
        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = job.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Equal(0, error.GetProperty("retry_count").GetInt32());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        return error;
    }

    [Fact]
    public async Task Fields_asked_for_are_read_in_the_child_too()
    {
        using var factory = Sandboxed(Docstrange);
        var client = factory.CreateClient();
        const string schema = """{"type":"object","properties":{"total":{"type":"number"}}}""";
        var listed = await client.SubmitAsync(ApiClient.TextForm("Total due: 12.50\n", ("extract_fields", "total"), ("output_format", "fields")));
        var filled = await client.SubmitAsync(ApiClient.TextForm("Total due: 13.50\n", ("json_schema", schema), ("output_format", "fields")));
        foreach (var (job, total) in new[] { (listed, 12.50m), (filled, 13.50m) })
        {
            Assert.Equal("completed", (await client.WaitFinalAsync(job)).GetProperty("status").GetString());
            using var fields = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/jobs/{job}/download"));
            Assert.Equal(total, fields.RootElement.GetProperty("data").GetProperty("total").GetDecimal());
        }
    }

    [Fact]
    public async Task The_child_runs_paddleocr_on_the_execution_provider_the_worker_is_configured_with()
    {
        // No GPU here: with cuda the child refuses PaddleOCR (with auto, its default, it would read on the CPU).
        using var factory = Sandboxed(Docstrange, extra: ("DocStrange:Ocr:Paddle:ExecutionProvider", "cuda"));
        var client = factory.CreateClient();
        var image = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "phototest_transparent.png"));

        var paddle = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.Form("scan.png", image, ("ocr_engine", "paddle"))));
        var tesseract = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.Form("scan.png", image, ("ocr_engine", "tesseract"))));

        var error = paddle.GetProperty("error");
        Assert.Equal("OCR_FAILED", error.GetProperty("code").GetString());
        Assert.Contains("ExecutionProvider is cuda", error.GetProperty("message").GetString());
        Assert.Equal("completed", tesseract.GetProperty("status").GetString());
    }

    /// <summary>A server whose workers convert in a sandbox child started as <paramref name="command"/>; a retry would come at once.</summary>
    private static ApiFactory Sandboxed(string command, int memoryMb = 2048, int cpuSeconds = 300, (string Key, string Value)? extra = null) => new(settings: new Dictionary<string, string>(extra is { } setting ? [new(setting.Key, setting.Value)] : [])
    {
        ["DocStrange:Worker:Sandbox:Enabled"] = "true",
        ["DocStrange:Worker:Sandbox:Command"] = command,
        ["DocStrange:Worker:Sandbox:MemoryLimitMb"] = memoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DocStrange:Worker:Sandbox:CpuSeconds"] = cpuSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DocStrange:Worker:Slots"] = "2",
        ["DocStrange:Jobs:RetryBaseDelay"] = "00:00:00",
    });

    /// <summary>A stand-in child: a shell script that ignores its arguments and does <paramref name="body"/>.</summary>
    private string Script(string body)
    {
        var path = Path.Combine(_scripts, $"child-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A minimal XLSX of one sheet of numbers.</summary>
    private static byte[] Workbook(int rows, int columns)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
            Part("[Content_Types].xml", Head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Part("_rels/.rels", Head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml", Head + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", Head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            var sheet = new StringBuilder(Head + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= rows; r++)
            {
                sheet.Append("<row r=\"").Append(r).Append("\">");
                for (var c = 0; c < columns; c++) sheet.Append("<c><v>").Append(r * 100 + c).Append("</v></c>");
                sheet.Append("</row>");
            }
            Part("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        }
        return buffer.ToArray();
    }

    public void Dispose() => Directory.Delete(_scripts, recursive: true);
}
