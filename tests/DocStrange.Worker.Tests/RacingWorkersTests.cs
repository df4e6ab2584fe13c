using DocStrange.Jobs.Model;

namespace DocStrange.Worker.Tests;

public sealed class RacingWorkersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-workers-").FullName;

    [Fact]
    public async Task Two_worker_processes_on_one_database_never_run_the_same_job_twice()
    {
        var reader = new CountingReader();
        await using var first = await WorkerHost.StartAsync(_dir, [reader], slots: 2);
        await using var second = await WorkerHost.StartAsync(_dir, [reader], slots: 2);

        var jobs = new List<Job>();
        for (var i = 0; i < 60; i++) jobs.Add(await (i % 2 == 0 ? first : second).SubmitAsync($"doc-{i}.txt"));

        var finished = await first.WaitAllFinalAsync(jobs.Select(j => j.Id), TimeSpan.FromSeconds(60));

        Assert.All(finished, j => Assert.Equal(JobState.Completed, j.State));
        Assert.Equal(60, reader.Runs.Count);
        Assert.All(reader.Runs, run => Assert.Equal(1, run.Value));
        foreach (var job in jobs)
        {
            var events = await first.Store.GetEventsAsync(job.Id, default);
            Assert.Equal([JobEventKinds.Created, JobEventKinds.Claimed, JobEventKinds.Completed], events.Select(e => e.Kind));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
