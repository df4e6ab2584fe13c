using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class EventsTests
{
    [Fact]
    public async Task Following_events_yields_progress_that_only_moves_forward_and_ends_with_the_final_job()
    {
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(new SlowMarkdownReader(pages: 4, millisecondsPerPage: 500)));
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("# Slow\n\nBody\n"), "slow.md");

        var events = new List<JobStatus>();
        await foreach (var job in client.FollowEventsAsync(submitted.JobId)) events.Add(job);

        Assert.Equal(JobState.Completed, events[^1].Status);
        Assert.Equal(100, events[^1].Progress.Percent);
        Assert.Contains(events, e => e.Status == JobState.Processing);
        var percents = events.Select(e => e.Progress.Percent).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.All(events, e => Assert.Equal(submitted.JobId, e.JobId));
    }

    [Fact]
    public async Task Following_a_final_job_yields_it_once()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("Stop\n"), "s.txt");
        await client.CancelAsync(submitted.JobId);

        var events = new List<JobStatus>();
        await foreach (var job in client.FollowEventsAsync(submitted.JobId)) events.Add(job);

        Assert.Equal(JobState.Cancelled, Assert.Single(events).Status);
    }

    [Fact]
    public async Task Following_an_unknown_job_throws_job_not_found()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());

        var error = await Assert.ThrowsAsync<DocStrangeApiException>(async () =>
        {
            await foreach (var _ in client.FollowEventsAsync("job_aaaaaaaaaaaaaaaaaaaaaaaaaa")) { }
        });
        Assert.Equal(ErrorCodes.JobNotFound, error.Code);
    }
}
