using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DocStrange.Worker.Tests;

/// <summary>A worker process in miniature: the job core and the in-process workers over a data folder, with the readers a test gives.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public JobLifecycle Lifecycle => Services.GetRequiredService<JobLifecycle>();

    public IJobStore Store => Services.GetRequiredService<IJobStore>();

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();

    public static async Task<WorkerHost> StartAsync(string dataDirectory, IEnumerable<IDocumentReader> readers, int slots = 2,
        TimeProvider? time = null, bool runWorkers = true, TimeSpan? lease = null, TimeSpan? drain = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocStrange:Storage:DataDirectory"] = dataDirectory,
            ["DocStrange:Worker:Slots"] = slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DocStrange:Worker:PollInterval"] = "00:00:00.050",
            ["DocStrange:Worker:ProgressInterval"] = "00:00:00.050",
            ["DocStrange:Worker:LeaseDuration"] = (lease ?? TimeSpan.FromSeconds(30)).ToString(),
            // Rescue is driven by the tests themselves.
            ["DocStrange:Worker:RescueInterval"] = "01:00:00",
            ["DocStrange:Worker:DrainTimeout"] = (drain ?? TimeSpan.FromSeconds(30)).ToString(),
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null) builder.Services.AddSingleton(time);
        builder.AddDocStrangeJobs();
        if (runWorkers)
        {
            builder.AddDocStrangeWorker();
        }
        else
        {
            builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section);
            builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value);
            builder.Services.AddSingleton(_ => DocStrange.Worker.Metrics.MetricsRegistry.Create());
            builder.Services.AddSingleton<DocStrange.Worker.Metrics.WorkerMetrics>();
            builder.Services.AddDocStrangeConversion();
            builder.Services.AddSingleton<JobExecutor>();
            builder.Services.AddSingleton<MaintenanceLeadership>();
            builder.Services.AddSingleton<Janitor>();
        }
        builder.Services.AddSingleton(new DocumentConverter(readers));
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerHost(host);
    }

    /// <summary>Stores a text input and submits a pending job for it, of the owner given (none by default), to the pool and with the options given.</summary>
    public async Task<Job> SubmitAsync(string fileName, string content = "text", string? owner = null, string pool = Pools.Cpu, JobOptions? options = null)
    {
        var id = JobIds.New();
        var key = BlobKeys.Input(id);
        var size = await Blobs.PutAsync(key, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), default);
        var job = new Job
        {
            Id = id,
            State = JobState.Pending,
            OwnerId = owner,
            Options = options ?? new JobOptions(),
            Pool = pool,
            Input = new JobInput(fileName, FileKinds.FromFileName(fileName), size, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), key),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds()),
        };
        await Lifecycle.SubmitAsync(job, default);
        return job;
    }

    /// <summary>Waits (bounded) until every job is final, re-reading on each change signal or at a short interval.</summary>
    public async Task<IReadOnlyList<Job>> WaitAllFinalAsync(IEnumerable<string> jobIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var ids = jobIds.ToList();
        while (true)
        {
            var jobs = new List<Job>();
            foreach (var id in ids) jobs.Add((await Store.GetAsync(id, default))!);
            if (jobs.All(j => JobStateMachine.IsFinal(j.State))) return jobs;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{jobs.Count(j => !JobStateMachine.IsFinal(j.State))} job(s) still running");
            using var watch = Services.GetRequiredService<IJobChangeFeed>().Watch(jobs.First(j => !JobStateMachine.IsFinal(j.State)).Id);
            await watch.WaitAsync(TimeSpan.FromMilliseconds(100), default);
        }
    }

    /// <summary>Stops the host as SIGTERM would, keeping its services readable.</summary>
    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
