using System.Net;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests.Intake;

public sealed class SyncTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string> { ["DocStrange:Sync:MaxFileBytes"] = "2048" });

    [Fact]
    public async Task A_small_document_answers_with_its_result()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents/sync?wait=30&format=text", ApiClient.TextForm(fields: ("output_format", "markdown,text")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = JsonDocument.Parse(body).RootElement;
        Assert.Equal("text", result.GetProperty("format").GetString());
        Assert.Contains("A second paragraph.", result.GetProperty("content").GetString());
        Assert.Equal("note.txt", result.GetProperty("metadata").GetProperty("file_name").GetString());
        Assert.StartsWith("job_", result.GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task A_failed_job_answers_with_its_error_and_job_id()
    {
        var client = _factory.CreateClient();
        var broken = Encoding.ASCII.GetBytes("%PDF-1.7\nthis is no pdf at all\n");
        var response = await client.PostAsync("/api/v1/documents/sync", ApiClient.Form("broken.pdf", broken));
        var problem = await ApiClient.ProblemAsync(response, 422, "UNREADABLE_DOCUMENT");
        Assert.StartsWith("job_", problem.GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task A_file_over_the_sync_limit_is_file_too_large_pointing_to_the_asynchronous_route()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents/sync", ApiClient.TextForm(new string('x', 5000)));
        var problem = await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
        Assert.Contains("POST /documents", problem.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(2048, problem.GetProperty("error").GetProperty("details").GetProperty("max_size").GetInt64());
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task A_format_the_submission_does_not_make_is_refused_before_a_job_is_made()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents/sync?format=html", ApiClient.TextForm());
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal("format", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        Assert.Contains("\"jobs\":[]", await client.GetStringAsync("/api/v1/jobs"));
    }

    [Fact]
    public async Task A_job_not_done_in_time_answers_202_with_the_job_which_keeps_going()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents/sync?wait=1", ApiClient.TextForm());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var job = JsonDocument.Parse(body).RootElement;
        Assert.Equal("pending", job.GetProperty("status").GetString());
        var jobId = job.GetProperty("job_id").GetString()!;
        Assert.Equal($"/api/v1/jobs/{jobId}", response.Headers.Location?.OriginalString);
        Assert.Contains(jobId, await client.GetStringAsync("/api/v1/jobs"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("100000")]
    public async Task A_bad_wait_is_invalid_request(string wait)
    {
        var response = await _factory.CreateClient().PostAsync($"/api/v1/documents/sync?wait={wait}", ApiClient.TextForm());
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal("wait", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
