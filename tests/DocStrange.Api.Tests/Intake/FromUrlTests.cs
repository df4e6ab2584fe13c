using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocStrange.Api.Tests.Intake;

public sealed class FromUrlTests : IAsyncLifetime
{
    private const string Text = "Fetched from a server\n\nIt converts like an upload.\n";
    private LocalWebServer _source = null!;
    private LocalWebServer _loopback = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        // 127.0.0.1 is never allowed; 127.0.0.2 stands for an intranet source the operator lists.
        _loopback = await LocalWebServer.StartAsync("127.0.0.1", app => app.MapGet("/secret.txt", () => "internal"));
        _source = await LocalWebServer.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/docs/note.txt", () => Results.Text(Text, "text/plain"));
            app.MapGet("/download", (HttpContext http) =>
            {
                http.Response.Headers.ContentDisposition = "attachment; filename=\"report.md\"";
                return Results.Text("# Report\n\nBody.\n", "application/octet-stream");
            });
            app.MapGet("/to-loopback", () => Results.Redirect(_loopback.Url("/secret.txt").AbsoluteUri));
            app.MapGet("/to-note", () => Results.Redirect("/docs/note.txt"));
            app.MapGet("/loop", () => Results.Redirect("/loop"));
            app.MapGet("/missing", () => Results.NotFound());
            app.MapGet("/big.txt", (HttpContext http) => Results.Text(new string('x', 10_000), "text/plain"));
            app.MapGet("/fake.pdf", () => Results.Text("not a pdf", "application/pdf"));
        });
        _factory = new ApiFactory(settings: new Dictionary<string, string>
        {
            ["DocStrange:FromUrl:AllowedNetworks:0"] = "127.0.0.2/32",
            ["DocStrange:Jobs:MaxUploadBytes"] = "4096",
        });
    }

    [Fact]
    public async Task A_document_from_an_allowed_server_converts()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/documents/from-url", new { url = _source.Url("/docs/note.txt").AbsoluteUri, output_format = new[] { "markdown", "text" } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetString()!;
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("note.txt", job.GetProperty("file").GetProperty("name").GetString());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result?format=text");
        Assert.Contains("It converts like an upload.", result.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_relative_redirect_is_followed_and_form_fields_work_too()
    {
        var client = _factory.CreateClient();
        var form = new FormUrlEncodedContent([new("url", _source.Url("/to-note").AbsoluteUri)]);
        var jobId = JsonDocument.Parse(await (await client.PostAsync("/api/v1/documents/from-url", form)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("job_id").GetString()!;
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_name_comes_from_content_disposition()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/documents/from-url", new { url = _source.Url("/download").AbsoluteUri });
        var jobId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("job_id").GetString()!;
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("report.md", job.GetProperty("file").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1/", "127.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://[::1]/", "::1")]
    [InlineData("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1")]
    [InlineData("http://100.64.0.1/", "100.64.0.1")]
    [InlineData("http://198.51.100.7/", "198.51.100.7")]
    [InlineData("http://[64:ff9b::c000:201]/", "64:ff9b::c000:201")]
    public async Task Private_and_loopback_addresses_are_url_not_allowed(string url, string address)
    {
        var problem = await RefusedAsync(url, "URL_NOT_ALLOWED");
        Assert.Equal(address, problem.GetProperty("error").GetProperty("details").GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_url_not_allowed() =>
        await RefusedAsync($"http://localhost:{_loopback.BaseUri.Port}/secret.txt", "URL_NOT_ALLOWED");

    [Fact]
    public async Task A_redirect_to_loopback_is_url_not_allowed()
    {
        var problem = await RefusedAsync(_source.Url("/to-loopback").AbsoluteUri, "URL_NOT_ALLOWED");
        Assert.Equal("127.0.0.1", problem.GetProperty("error").GetProperty("details").GetProperty("address").GetString());
        Assert.Empty(_factory.StoredFiles());
    }

    [Theory]
    [InlineData("ftp://example.com/a.pdf")]
    [InlineData("file:///etc/passwd")]
    public async Task Other_schemes_are_url_not_allowed(string url) => await RefusedAsync(url, "URL_NOT_ALLOWED");

    [Fact]
    public async Task A_non_2xx_answer_is_url_fetch_failed_with_the_status()
    {
        var problem = await RefusedAsync(_source.Url("/missing").AbsoluteUri, "URL_FETCH_FAILED");
        Assert.Equal(404, problem.GetProperty("error").GetProperty("details").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Endless_redirects_are_url_fetch_failed() => await RefusedAsync(_source.Url("/loop").AbsoluteUri, "URL_FETCH_FAILED");

    [Fact]
    public async Task A_host_that_does_not_resolve_is_url_fetch_failed() => await RefusedAsync("http://no-such-host.invalid/a.pdf", "URL_FETCH_FAILED");

    [Fact]
    public async Task Too_large_and_wrong_content_are_refused_like_uploads()
    {
        await RefusedAsync(_source.Url("/big.txt").AbsoluteUri, "FILE_TOO_LARGE");
        await RefusedAsync(_source.Url("/fake.pdf").AbsoluteUri, "INVALID_FILE_TYPE");
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task A_download_over_the_callers_tier_limit_is_refused_naming_the_tier()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:FromUrl:AllowedNetworks:0"] = "127.0.0.2/32",
            ["DocStrange:Tiers:Free:MaxFileBytes"] = "20",
        });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/documents/from-url", new { url = _source.Url("/docs/note.txt").AbsoluteUri });
        var problem = await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
        Assert.Equal("free", problem.GetProperty("error").GetProperty("details").GetProperty("tier").GetString());
        Assert.Equal(20, problem.GetProperty("error").GetProperty("details").GetProperty("max_size").GetInt64());
        Assert.Empty(factory.StoredFiles());
    }

    [Fact]
    public async Task A_host_off_the_allow_list_is_url_not_allowed()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:FromUrl:AllowedNetworks:0"] = "127.0.0.2/32",
            ["DocStrange:FromUrl:AllowedHosts:0"] = "*.example.com",
        });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/documents/from-url", new { url = _source.Url("/docs/note.txt").AbsoluteUri });
        var problem = await ApiClient.ProblemAsync(response, 400, "URL_NOT_ALLOWED");
        Assert.Equal("host_not_allowed", problem.GetProperty("error").GetProperty("details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_missing_url_or_a_bad_option_is_invalid_request()
    {
        var client = _factory.CreateClient();
        await ApiClient.ProblemAsync(await client.PostAsJsonAsync("/api/v1/documents/from-url", new { output_format = "markdown" }), 400, "INVALID_REQUEST");
        var problem = await ApiClient.ProblemAsync(await client.PostAsJsonAsync("/api/v1/documents/from-url",
            new { url = _source.Url("/docs/note.txt").AbsoluteUri, ocr = "sometimes" }), 400, "INVALID_REQUEST");
        Assert.Equal("ocr", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents/from-url", new StringContent("{", Encoding.UTF8, "application/json")), 400, "INVALID_REQUEST");
    }

    private async Task<JsonElement> RefusedAsync(string url, string code)
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/documents/from-url", new { url });
        var status = code switch { "URL_NOT_ALLOWED" => 400, "URL_FETCH_FAILED" => 502, "FILE_TOO_LARGE" => 413, _ => 415 };
        return await ApiClient.ProblemAsync(response, status, code);
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _source.DisposeAsync();
        await _loopback.DisposeAsync();
    }
}
