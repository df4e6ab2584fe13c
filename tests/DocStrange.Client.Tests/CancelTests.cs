using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class CancelTests
{
    [Fact]
    public async Task A_pending_job_is_cancelled_at_once()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("Never mind\n"), "never.txt");
        Assert.Equal(1, (await client.GetJobAsync(submitted.JobId)).QueuePosition);

        var cancelled = await client.CancelAsync(submitted.JobId);
        Assert.Equal(JobState.Cancelled, cancelled.Status);
        Assert.True(cancelled.IsFinal);
        Assert.NotNull(cancelled.CompletedAt);

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(5));
        Assert.Equal(JobState.Cancelled, job.Status);
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetResultAsync(submitted.JobId));
        Assert.Equal(ErrorCodes.JobCancelled, error.Code);
    }

    [Fact]
    public async Task A_running_job_is_asked_to_stop_and_then_ends_cancelled()
    {
        var reader = new TestReaders.Endless();
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(reader));
        var client = new DocStrangeClient(factory.CreateClient());
        var submitted = await client.SubmitAsync(TestFiles.Text("# A long document\n"), "long.md");
        await reader.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var asked = await client.CancelAsync(submitted.JobId);
        Assert.Equal(JobState.Processing, asked.Status);
        Assert.True(asked.CancelRequested);

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(30));
        Assert.Equal(JobState.Cancelled, job.Status);
        Assert.False(job.CancelRequested);
    }
}
