using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class CancelRunningJobTests
{
    [Fact]
    public async Task A_cancel_stops_a_running_job_within_one_page()
    {
        // Slow pages and a progress write far less often than a page: only the change signal can stop it in time.
        var reader = new TestReaders.Endless(pageMilliseconds: 250);
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(reader),
            settings: new Dictionary<string, string> { ["DocStrange:Worker:ProgressInterval"] = "00:00:30" });
        var client = factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("pages.md", "# Fifty pages\n"u8.ToArray()));
        await reader.ThreePagesDone.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        var pagesAtCancel = reader.PagesDone;
        var job = await client.WaitFinalAsync(jobId);

        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.InRange(reader.PagesDone - pagesAtCancel, 0, 1);
    }

    [Fact]
    public async Task A_running_job_stops_at_a_page_boundary_and_shows_no_result()
    {
        var reader = new TestReaders.Endless();
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(reader));
        var client = factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("long.md", "# A long document\n"u8.ToArray()));
        await reader.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var response = await client.DeleteAsync($"/api/v1/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("processing", accepted.GetProperty("status").GetString());
        Assert.True(accepted.GetProperty("cancel_requested").GetBoolean());

        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{jobId}/result"), 409, "JOB_CANCELLED");
        Assert.DoesNotContain(factory.StoredFiles(), f => Path.GetFileName(f).StartsWith("result", StringComparison.Ordinal));
    }
}
