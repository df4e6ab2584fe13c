using DocStrange.Jobs.Model;

namespace DocStrange.Worker.Tests;

public sealed class DrainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-drain-").FullName;

    [Fact]
    public async Task On_shutdown_a_job_that_does_not_finish_within_the_drain_is_given_back_to_the_queue()
    {
        var reader = new EndlessReader();
        await using var host = await WorkerHost.StartAsync(_dir, [reader], slots: 1, drain: TimeSpan.FromMilliseconds(300));
        var job = await host.SubmitAsync("endless.md");
        await reader.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await host.StopAsync();

        var after = await host.Store.GetAsync(job.Id, default);
        Assert.Equal(JobState.Pending, after?.State);
        Assert.Null(after?.LeaseOwner);
        var kinds = (await host.Store.GetEventsAsync(job.Id, default)).Select(e => e.Kind);
        Assert.Equal([JobEventKinds.Created, JobEventKinds.Claimed, JobEventKinds.Released], kinds);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
