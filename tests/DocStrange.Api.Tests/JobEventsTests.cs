using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class JobEventsTests
{
    [Fact]
    public async Task The_stream_follows_a_running_job_to_its_final_state()
    {
        var reader = new TestReaders.Endless();
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(reader));
        var client = factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("long.md", "# A long document\n"u8.ToArray()));
        await reader.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        using var response = await client.GetAsync($"/api/v1/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());

        var events = new List<JsonElement>();
        var cancelled = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var job = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            events.Add(job);
            // Once the stream has shown the job running with pages done, cancel it: the stream must end with that.
            if (!cancelled && job.GetProperty("progress").GetProperty("pages_done").GetInt32() > 0)
            {
                cancelled = true;
                await client.DeleteAsync($"/api/v1/jobs/{jobId}");
            }
        }

        Assert.True(cancelled, "the stream never showed progress");
        Assert.Contains(events, e => e.GetProperty("status").GetString() == "processing");
        Assert.Equal("cancelled", events[^1].GetProperty("status").GetString());
        Assert.Single(events, e => e.GetProperty("status").GetString() == "cancelled");
    }

    [Fact]
    public async Task A_finished_job_streams_one_final_event_and_an_unknown_one_is_not_found()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        await client.WaitFinalAsync(jobId);

        var body = await client.GetStringAsync($"/api/v1/jobs/{jobId}/events");
        var data = body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).ToList();
        Assert.Equal("completed", JsonDocument.Parse(Assert.Single(data)["data: ".Length..]).RootElement.GetProperty("status").GetString());
        Assert.Contains("event: job", body);

        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/jobs/job_aaaaaaaaaaaaaaaaaaaaaaaaaa/events"), 404, "JOB_NOT_FOUND");
    }
}
