using DocStrange.Document.Export;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Worker.Tests;

public sealed class JanitorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-janitor-").FullName;

    [Fact]
    public async Task Results_past_retention_are_deleted_and_the_job_is_marked_purged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await WorkerHost.StartAsync(_dir, [new CountingReader()], time: clock, runWorkers: false);
        var done = await host.SubmitAsync("kept.txt");
        var claimed = await host.Lifecycle.ClaimAsync(Pools.Cpu, "w1", TimeSpan.FromSeconds(30), maxRunningPerOwner: 0, default);
        await host.Services.GetRequiredService<JobExecutor>().RunAsync(claimed!, "w1", default);
        var pending = await host.SubmitAsync("waiting.txt");
        var janitor = host.Services.GetRequiredService<Janitor>();

        Assert.Equal(0, await janitor.SweepAsync(default));
        Assert.True(await ExistsAsync(host, BlobKeys.Result(done.Id, OutputFormat.Markdown)));

        clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await janitor.SweepAsync(default));
        Assert.False(await ExistsAsync(host, BlobKeys.Result(done.Id, OutputFormat.Markdown)));
        Assert.True((await host.Store.GetAsync(done.Id, default))?.Purged);
        // A job that is not final is never swept, however old.
        Assert.False((await host.Store.GetAsync(pending.Id, default))?.Purged);
        Assert.True(await ExistsAsync(host, BlobKeys.Input(pending.Id)));
        Assert.Equal(0, await janitor.SweepAsync(default));
    }

    private static async Task<bool> ExistsAsync(WorkerHost host, string key)
    {
        await using var stream = await host.Blobs.OpenReadAsync(key, default);
        return stream is not null;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
