using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class JobEndpointsTests : IDisposable
{
    // No workers: submitted jobs stay pending, so their state is the test's to drive.
    private readonly ApiFactory _factory = new(withWorkers: false);

    [Theory]
    [InlineData("job_aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("not-a-job")]
    public async Task An_unknown_job_is_job_not_found_everywhere(string id)
    {
        var client = _factory.CreateClient();
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{id}"), 404, "JOB_NOT_FOUND");
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{id}/result"), 404, "JOB_NOT_FOUND");
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{id}/download"), 404, "JOB_NOT_FOUND");
        await ApiClient.ProblemAsync(await client.DeleteAsync($"/api/v1/jobs/{id}"), 404, "JOB_NOT_FOUND");
    }

    [Fact]
    public async Task A_pending_job_has_no_result_yet_and_a_queue_position()
    {
        var client = _factory.CreateClient();
        var first = await client.SubmitAsync(ApiClient.TextForm());
        var second = await client.SubmitAsync(ApiClient.TextForm());

        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{second}");
        Assert.Equal("pending", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("queue_position").GetInt32());
        Assert.Equal("queued", job.GetProperty("progress").GetProperty("stage").GetString());

        var problem = await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{first}/result"), 409, "RESULT_NOT_READY");
        Assert.Equal(first, problem.GetProperty("job_id").GetString());
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{first}/download"), 409, "RESULT_NOT_READY");
    }

    [Fact]
    public async Task Cancelling_a_pending_job_is_immediate_and_final()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());

        var response = await client.DeleteAsync($"/api/v1/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(job.GetProperty("completed_at").GetString(), out _));

        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{jobId}/result"), 409, "JOB_CANCELLED");

        // The upload goes as soon as the job is final; deleting the final job again is harmless.
        Assert.Empty(_factory.StoredFiles());
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/jobs/{jobId}")).StatusCode);
    }

    [Fact]
    public async Task A_long_poll_on_an_unchanging_job_returns_its_state_when_the_wait_ends()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}?wait=1");
        Assert.Equal("pending", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_long_poll_wakes_when_the_job_changes()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        var poll = client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}?wait=30");
        await client.DeleteAsync($"/api/v1/jobs/{jobId}");
        var job = await poll.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("?wait=-1")]
    [InlineData("?wait=600")]
    [InlineData("?wait=soon")]
    public async Task A_bad_wait_is_invalid_request(string query)
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        var problem = await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{jobId}{query}"), 400, "INVALID_REQUEST");
        Assert.Equal("wait", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_page_by_page()
    {
        var client = _factory.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await client.SubmitAsync(ApiClient.TextForm()));
        await client.DeleteAsync($"/api/v1/jobs/{ids[0]}");

        var seen = new List<string>();
        var url = "/api/v1/jobs?limit=2";
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()!));
            if (!page.GetProperty("has_more").GetBoolean()) break;
            url = $"/api/v1/jobs?limit=2&cursor={page.GetProperty("next_cursor").GetString()}";
        }
        // Created within the same millisecond, jobs tie on time; the set and the newest-first order of distinct times hold.
        Assert.Equal(ids.Order(), seen.Order());

        var cancelled = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs?status=cancelled");
        Assert.Equal(ids[0], Assert.Single(cancelled.GetProperty("jobs").EnumerateArray()).GetProperty("job_id").GetString());

        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/jobs?status=lost"), 400, "INVALID_REQUEST");
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/jobs?limit=1000"), 400, "INVALID_REQUEST");
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/jobs?cursor=garbage"), 400, "INVALID_REQUEST");
    }

    public void Dispose() => _factory.Dispose();
}
