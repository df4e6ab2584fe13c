using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class SubmitFlowTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task Submit_wait_result_and_download()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("Quarterly report\n\nRevenue grew.\n"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = body.GetProperty("job_id").GetString()!;
        Assert.StartsWith("job_", jobId);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("estimated_time_ms").GetInt64() > 0);
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("created_at").GetString(), out _));
        Assert.Equal($"/api/v1/jobs/{jobId}", response.Headers.Location?.ToString());
        Assert.Equal($"/api/v1/jobs/{jobId}/result", body.GetProperty("links").GetProperty("result").GetString());

        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetProperty("percent").GetInt32());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal($"/api/v1/jobs/{jobId}/result", job.GetProperty("result_url").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result");
        Assert.Equal("markdown", result.GetProperty("format").GetString());
        Assert.Equal("Quarterly report\n\nRevenue grew.\n", result.GetProperty("content").GetString());
        var metadata = result.GetProperty("metadata");
        Assert.Equal("note.txt", metadata.GetProperty("file_name").GetString());
        Assert.Equal("text", metadata.GetProperty("file_type").GetString());
        Assert.Equal(1, metadata.GetProperty("pages_processed").GetInt32());

        var download = await client.GetAsync($"/api/v1/jobs/{jobId}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("note.txt.md", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("Quarterly report\n\nRevenue grew.\n", await download.Content.ReadAsStringAsync());

        // The upload is gone once the job is final; the result, and its one page's part for ?page=1, stay until deleted.
        Assert.Equal(["1.md", "result.md"], _factory.StoredFiles().Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        Assert.Empty(_factory.StoredFiles());
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{jobId}/result"), 410, "RESULT_EXPIRED");
    }

    [Fact]
    public async Task Pages_that_select_nothing_fail_the_job_with_invalid_request()
    {
        // A PDF's page count is known only once it is read (a one-page kind is refused at submission: OnePageSelectionTests).
        var client = _factory.CreateClient();
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));
        var jobId = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", pdf, ("pages", "9")));
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("INVALID_REQUEST", job.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Several_formats_are_produced_and_served_by_name()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm("Alpha\n\nBeta\n", ("output_format", "json,text,html")));
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal(["json", "text", "html"], job.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result?format=json");
        var model = JsonDocument.Parse(json.GetProperty("content").GetString()!).RootElement;
        Assert.Equal(["Alpha", "Beta"], model.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()));

        var html = await client.GetAsync($"/api/v1/jobs/{jobId}/download?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<p", await html.Content.ReadAsStringAsync());

        var missing = await client.GetAsync($"/api/v1/jobs/{jobId}/result?format=markdown");
        var problem = await ApiClient.ProblemAsync(missing, 400, "INVALID_REQUEST");
        Assert.Equal(jobId, problem.GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task A_reader_crash_fails_only_its_job_with_unreadable_document()
    {
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(new TestReaders.Crashing()));
        var client = factory.CreateClient();
        var broken = await client.SubmitAsync(ApiClient.Form("broken.md", "# title\n"u8.ToArray()));
        var good = await client.SubmitAsync(ApiClient.TextForm("still working\n"));

        var failed = await client.WaitFinalAsync(broken);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var error = failed.GetProperty("error");
        Assert.Equal("UNREADABLE_DOCUMENT", error.GetProperty("code").GetString());
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.DoesNotContain("boom", error.GetProperty("message").GetString());
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{broken}/result"), 422, "UNREADABLE_DOCUMENT");

        Assert.Equal("completed", (await client.WaitFinalAsync(good)).GetProperty("status").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
