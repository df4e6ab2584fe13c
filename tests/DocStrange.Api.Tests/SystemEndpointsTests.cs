using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class SystemEndpointsTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task System_lists_formats_pools_and_limits()
    {
        var system = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/system");
        var input = system.GetProperty("formats").GetProperty("input").EnumerateArray().ToList();
        Assert.Contains(input, f => f.GetProperty("type").GetString() == "text"
            && f.GetProperty("extensions").EnumerateArray().Any(e => e.GetString() == ".txt"));
        Assert.Equal(["markdown", "json", "html", "csv", "text", "fields", "chunks"], system.GetProperty("formats").GetProperty("output").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("eng", system.GetProperty("formats").GetProperty("ocr_languages").EnumerateArray().Select(e => e.GetString()));
        Assert.True(system.GetProperty("processing_modes").GetProperty("cpu").GetProperty("available").GetBoolean());
        Assert.False(system.GetProperty("processing_modes").GetProperty("gpu").GetProperty("available").GetBoolean());
        Assert.Equal(100L * 1024 * 1024, system.GetProperty("limits").GetProperty("max_file_size").GetInt64());
        Assert.False(string.IsNullOrEmpty(system.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Health_reports_each_component()
    {
        var client = _factory.CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/api/v1/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        var components = health.GetProperty("components");
        Assert.Equal("healthy", components.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", components.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(1, components.GetProperty("workers").GetProperty("active").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/ready")).StatusCode);
    }

    // The test machines have no GPU and the CPU build of ONNX Runtime: auto runs PaddleOCR on the CPU, cuda is refused.
    [Fact]
    public async Task System_and_health_say_which_ocr_engines_read_and_that_paddle_runs_on_the_cpu_where_cuda_does_not_load()
    {
        var client = _factory.CreateClient();

        var system = await OcrEnginesAsync(client, "/api/v1/system", s => s);
        var health = await OcrEnginesAsync(client, "/api/v1/health", h => h.GetProperty("components"));

        foreach (var engines in new[] { system, health })
        {
            Assert.True(engines["tesseract"].GetProperty("available").GetBoolean());
            Assert.Equal(JsonValueKind.Null, engines["tesseract"].GetProperty("execution_provider").ValueKind);
            var paddle = engines["paddle"];
            Assert.True(paddle.GetProperty("available").GetBoolean());
            Assert.Equal("cpu", paddle.GetProperty("execution_provider").GetString());
            Assert.Contains("CUDA execution provider could not be loaded", paddle.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task With_cuda_asked_for_and_not_loadable_paddle_is_unavailable_saying_why_and_tesseract_still_reads()
    {
        using var factory = new ApiFactory(settings: new Dictionary<string, string> { ["DocStrange:Ocr:Paddle:ExecutionProvider"] = "cuda" });
        var client = factory.CreateClient();

        var engines = await OcrEnginesAsync(client, "/api/v1/system", s => s);
        var image = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "phototest_transparent.png"));
        var paddleJob = await client.SubmitAsync(ApiClient.Form("scan.png", image, ("ocr_engine", "paddle")));
        var tesseractJob = await client.SubmitAsync(ApiClient.Form("scan.png", image, ("ocr_engine", "tesseract")));

        var paddle = engines["paddle"];
        Assert.False(paddle.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paddle.GetProperty("execution_provider").ValueKind);
        Assert.Contains("DocStrange:Ocr:Paddle:ExecutionProvider is cuda", paddle.GetProperty("reason").GetString());
        var refused = await client.WaitFinalAsync(paddleJob);
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal("OCR_FAILED", refused.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("completed", (await client.WaitFinalAsync(tesseractJob)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    public void A_provider_that_is_not_auto_cpu_or_cuda_stops_the_start_naming_the_setting(string provider)
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => ApiFactory.Start(new Dictionary<string, string> { ["DocStrange:Ocr:Paddle:ExecutionProvider"] = provider }, withWorkers: true));

        Assert.Contains(error.Failures, f => f.Contains("ExecutionProvider", StringComparison.Ordinal));
    }

    // The engines by name, once the workers have announced them (at once in the embedded mode, within a heartbeat in the distributed one).
    private static async Task<Dictionary<string, JsonElement>> OcrEnginesAsync(HttpClient client, string path, Func<JsonElement, JsonElement> holder)
    {
        for (var attempt = 0; ; attempt++)
        {
            var engines = holder(await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("ocr_engines").EnumerateArray().ToList();
            if (engines.Count > 0 || attempt == 100) return engines.ToDictionary(e => e.GetProperty("name").GetString()!);
            await Task.Delay(200);
        }
    }

    [Fact]
    [Trait("Mode", "embedded-only")]
    public async Task Health_is_unhealthy_and_not_ready_when_the_file_store_is_gone()
    {
        var client = _factory.CreateClient();
        Directory.Delete(Path.Combine(_factory.DataDirectory, "files"), recursive: true);
        var health = await client.GetAsync("/api/v1/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"unhealthy\"", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/v1/health/ready")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_describes_the_routes_and_the_docs_page_is_served()
    {
        var client = _factory.CreateClient();
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/documents", "/api/v1/jobs/{id}", "/api/v1/jobs/{id}/result", "/api/v1/jobs/{id}/download", "/api/v1/jobs", "/api/v1/system", "/api/v1/health" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }
        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_error_code_has_a_section_in_the_served_error_reference()
    {
        var response = await _factory.CreateClient().GetAsync("/docs/errors");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.All(DocStrange.Jobs.Errors.ErrorCatalog.All, e => Assert.Contains($"id=\"{e.Name}\"", page));
    }

    [Fact]
    public async Task The_web_page_is_served_with_a_content_security_policy()
    {
        var response = await _factory.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Request_ids_are_echoed_when_sane_and_made_otherwise()
    {
        var client = _factory.CreateClient();
        var sane = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health/live") { Headers = { { "X-Request-ID", "client-123.abc" } } };
        Assert.Equal("client-123.abc", (await client.SendAsync(sane)).Headers.GetValues("X-Request-ID").Single());

        var hostile = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health/live") { Headers = { { "X-Request-ID", "<script>alert(1)</script>" } } };
        Assert.Matches("^req_[a-z0-9]{20}$", (await client.SendAsync(hostile)).Headers.GetValues("X-Request-ID").Single());

        var unknown = await client.GetAsync("/api/v1/nothing-here");
        await ApiClient.ProblemAsync(unknown, 404, "INVALID_REQUEST");
    }

    public void Dispose() => _factory.Dispose();
}
