using DocStrange.Document.Errors;
using DocStrange.Extraction;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Worker.Tests;

public sealed class TimeLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-limits-").FullName;

    private async Task<Job> RunOnceAsync(IDocumentReader reader, string soft, string hard)
    {
        await using var host = await WorkerHost.StartAsync(_dir, [reader], runWorkers: false, settings: new Dictionary<string, string?>
        {
            ["DocStrange:Worker:SoftTimeout"] = soft,
            ["DocStrange:Worker:HardTimeout"] = hard,
        });
        var job = await host.SubmitAsync("slow.md");
        var claimed = await host.Lifecycle.ClaimAsync(Pools.Cpu, "w1", TimeSpan.FromSeconds(30), maxRunningPerOwner: 0, default);
        await host.Services.GetRequiredService<JobExecutor>().RunAsync(claimed!, "w1", default).WaitAsync(TimeSpan.FromSeconds(20));
        return (await host.Store.GetAsync(job.Id, default))!;
    }

    [Fact]
    public async Task The_soft_limit_stops_a_conversion_at_a_page_and_the_attempt_times_out()
    {
        var job = await RunOnceAsync(new EndlessReader(), soft: "00:00:00.300", hard: "00:01:00");
        Assert.Equal(ServiceErrors.WorkerTimeout, job.Error?.Code);
        Assert.True(job.Error?.Retryable);
        Assert.Equal(JobState.Pending, job.State);
    }

    [Fact]
    public async Task The_hard_limit_abandons_a_conversion_that_ignores_cancellation()
    {
        var job = await RunOnceAsync(new StuckReader(), soft: "00:00:00.200", hard: "00:00:00.600");
        Assert.Equal(ServiceErrors.WorkerTimeout, job.Error?.Code);
        Assert.Contains("abandoned", job.Error?.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
