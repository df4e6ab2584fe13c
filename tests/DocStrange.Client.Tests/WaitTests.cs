using System.Diagnostics;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class WaitTests
{
    [Fact]
    public async Task Waiting_reports_progress_while_the_job_runs()
    {
        // Four seconds of work: the one-second polls see it part done even when a loaded machine answers late.
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(new SlowMarkdownReader(pages: 4, millisecondsPerPage: 1000)));
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("# Slow\n\nBody\n"), "slow.md");
        var reports = new Recorder<JobStatus>();

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(60), reports);

        Assert.Equal(JobState.Completed, job.Status);
        Assert.Same(job, reports.Items[^1]);
        Assert.Contains(reports.Items, r => r.Status == JobState.Processing && r.Progress.Percent is > 0 and < 100);
        var percents = reports.Items.Select(r => r.Progress.Percent).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.All(reports.Items, r => Assert.Equal(submitted.JobId, r.JobId));
    }

    [Fact]
    public async Task Waiting_past_the_timeout_throws()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("Nobody takes me\n"), "alone.txt");
        var reports = new Recorder<JobStatus>();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(1.5), reports));

        Assert.Contains(submitted.JobId, error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(15));
        Assert.All(reports.Items, r => Assert.Equal(JobState.Pending, r.Status));
        Assert.NotEmpty(reports.Items);
    }

    [Fact]
    public async Task A_long_poll_returns_when_the_status_changes()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("Cancel me\n"), "c.txt");

        var poll = client.GetJobAsync(submitted.JobId, TimeSpan.FromSeconds(30));
        await client.CancelAsync(submitted.JobId);
        var job = await poll.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(JobState.Cancelled, job.Status);
    }

    [Fact]
    public async Task A_final_job_is_returned_at_once_and_reported_once()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("Done before asked\n"), "d.txt");
        await client.CancelAsync(submitted.JobId);
        var reports = new Recorder<JobStatus>();

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.Zero, reports);
        Assert.Equal(JobState.Cancelled, job.Status);
        Assert.Single(reports.Items);
    }
}
