using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Worker.Tests;

public sealed class JobExecutorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-executor-").FullName;

    [Fact]
    public async Task An_attempt_whose_lease_was_taken_back_writes_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reader = new EndlessReader();
        await using var host = await WorkerHost.StartAsync(_dir, [reader], time: clock, runWorkers: false, lease: TimeSpan.FromSeconds(30));
        var job = await host.SubmitAsync("slow.md");
        var claimed = await host.Lifecycle.ClaimAsync(Pools.Cpu, "w1", TimeSpan.FromSeconds(30), maxRunningPerOwner: 0, default);
        Assert.Equal(job.Id, claimed?.Id);

        var run = host.Services.GetRequiredService<JobExecutor>().RunAsync(claimed!, "w1", default);
        await reader.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The worker is presumed dead: its lease runs out and the rescuer gives the job back.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await host.Lifecycle.RescueExpiredAsync(default));
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        var after = await host.Store.GetAsync(job.Id, default);
        Assert.Equal(JobState.Pending, after?.State);
        Assert.Null(await host.Blobs.OpenReadAsync(BlobKeys.Result(job.Id, OutputFormat.Markdown), default));
        var kinds = (await host.Store.GetEventsAsync(job.Id, default)).Select(e => e.Kind);
        Assert.Equal([JobEventKinds.Created, JobEventKinds.Claimed, JobEventKinds.RetryScheduled], kinds);
    }

    [Fact]
    public async Task An_unsupported_kind_fails_for_good_with_invalid_file_type()
    {
        await using var host = await WorkerHost.StartAsync(_dir, [new CountingReader()], runWorkers: false);
        var job = await host.SubmitAsync("slides.md");
        var claimed = await host.Lifecycle.ClaimAsync(Pools.Cpu, "w1", TimeSpan.FromSeconds(30), maxRunningPerOwner: 0, default);
        await host.Services.GetRequiredService<JobExecutor>().RunAsync(claimed!, "w1", default);

        var after = await host.Store.GetAsync(job.Id, default);
        Assert.Equal(JobState.Failed, after?.State);
        Assert.Equal(Document.Errors.ErrorCode.InvalidFileType, after?.Error?.Code);
        Assert.False(after?.Error?.Retryable);
    }

    [Theory]
    [InlineData(Pools.Gpu, OcrEngineChoice.Auto, OcrEngineChoice.Paddle)]
    [InlineData(Pools.Cpu, OcrEngineChoice.Auto, OcrEngineChoice.Auto)]
    [InlineData(Pools.Gpu, OcrEngineChoice.Tesseract, OcrEngineChoice.Tesseract)]
    [InlineData(Pools.Cpu, OcrEngineChoice.Paddle, OcrEngineChoice.Paddle)]
    public async Task The_gpu_pool_reads_with_paddle_unless_the_job_names_an_engine(string pool, OcrEngineChoice asked, OcrEngineChoice used)
    {
        var reader = new CountingReader();
        await using var host = await WorkerHost.StartAsync(_dir, [reader], runWorkers: false);
        await host.SubmitAsync("scan.txt", pool: pool, options: new JobOptions { OcrEngine = asked });
        var claimed = await host.Lifecycle.ClaimAsync(pool, "w1", TimeSpan.FromSeconds(30), maxRunningPerOwner: 0, default);
        await host.Services.GetRequiredService<JobExecutor>().RunAsync(claimed!, "w1", default);

        Assert.Equal(used, reader.OcrEngines["scan.txt"]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
