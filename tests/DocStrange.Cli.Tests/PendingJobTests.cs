namespace DocStrange.Cli.Tests;

/// <summary>Jobs on a server without workers stay pending: <c>cancel</c>, <c>status</c>, <c>result</c> and <c>events</c> on them.</summary>
public sealed class PendingJobTests(QueueOnlyServer server) : IClassFixture<QueueOnlyServer>
{
    private async Task<string> PendingJobAsync()
    {
        var submitted = await CliRunner.RunAsync("submit", TestDocuments.Path("comma_quoted.csv"), "--server", server.Url);
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        return submitted.Stdout.Trim();
    }

    [Fact]
    public async Task A_pending_job_has_no_result_yet()
    {
        var jobId = await PendingJobAsync();

        var status = await CliRunner.RunAsync("status", jobId, "--server", server.Url);
        var result = await CliRunner.RunAsync("result", jobId, "--server", server.Url);

        Assert.Contains("status     pending\n", status.Stdout);
        Assert.Matches(@"queue      \d+\n", status.Stdout);
        Assert.Equal(4, result.ExitCode);
        Assert.Matches(@"^docstrange: RESULT_NOT_READY: .* \(HTTP 409, request req_\w+\)\n$", result.Stderr);
    }

    [Fact]
    public async Task Cancelling_a_pending_job_ends_it_and_its_events_end_with_a_non_zero_exit()
    {
        var jobId = await PendingJobAsync();

        var cancel = await CliRunner.RunAsync("cancel", jobId, "--server", server.Url);
        var events = await CliRunner.RunAsync("events", jobId, "--server", server.Url);

        Assert.Equal((0, $"{jobId} cancelled\n"), (cancel.ExitCode, cancel.Stdout));
        Assert.Equal(1, events.ExitCode);
        Assert.StartsWith("cancelled ", Assert.Single(events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Events_follow_a_pending_job_until_it_is_cancelled()
    {
        var jobId = await PendingJobAsync();
        var following = CliRunner.RunAsync("events", jobId, "--server", server.Url);

        // The stream is open once the job's first event is out; the cancel is then a change it must show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(following.IsCompleted);
        Assert.Equal(0, (await CliRunner.RunAsync("cancel", jobId, "--server", server.Url)).ExitCode);
        var events = await following;

        Assert.Equal(1, events.ExitCode);
        var lines = events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("pending ", lines[0]);
        Assert.StartsWith("cancelled ", lines[^1]);
    }

    [Fact]
    public async Task Submit_and_wait_reports_a_cancelled_job_as_failed()
    {
        var output = Directory.CreateTempSubdirectory("docstrange-cli-pending-").FullName;
        try
        {
            var waiting = CliRunner.RunAsync("submit", TestDocuments.Path("word_sample.docx"), "--output", output, "--server", server.Url);
            string? jobId = null;
            for (var tries = 0; jobId is null && tries < 100; tries++)
            {
                await Task.Delay(200);
                var jobs = await CliRunner.RunAsync("jobs", "--status", "pending", "--server", server.Url);
                jobId = jobs.Stdout.Split('\n').FirstOrDefault(l => l.Contains("word_sample.docx"))?.Split(' ')[0];
            }
            Assert.NotNull(jobId);
            await CliRunner.RunAsync("cancel", jobId, "--server", server.Url);
            var outcome = await waiting;

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"word_sample.docx: {jobId}: JOB_CANCELLED", outcome.Stderr);
            Assert.Empty(Directory.GetFiles(output));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
