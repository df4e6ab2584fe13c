using System.CommandLine;
using DocStrange.Storage;
using DocStrange.Telemetry;
using DocStrange.Worker;
using DocStrange.Worker.Sandbox;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange worker</c>: a worker process of the distributed mode. It claims jobs of its pool
/// from PostgreSQL, converts them and stores the results in S3. SIGTERM stops claiming and gives
/// running jobs back; <c>--max-jobs N</c> exits cleanly after N jobs for a supervisor to restart it;
/// <c>--metrics-port N</c> serves Prometheus metrics at <c>/metrics</c> on that port.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var pool = new Option<string?>("--pool") { Description = "cpu or gpu (default cpu)." };
        var slots = new Option<int?>("--slots") { Description = "Jobs converted at once (default 1)." };
        var maxJobs = new Option<int?>("--max-jobs") { Description = "Exit cleanly after this many jobs (default: never)." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics at /metrics on this port (default: none)." };
        var command = new Command("worker", "Run one worker process (distributed mode).") { pool, slots, maxJobs, metricsPort };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            var settings = new List<string>(parse.UnmatchedTokens);
            HostSetup.Add(settings, $"{WorkerOptions.Section}:Pool", parse.GetValue(pool));
            HostSetup.Add(settings, $"{WorkerOptions.Section}:Slots", parse.GetValue(slots));
            HostSetup.Add(settings, $"{WorkerOptions.Section}:MaxJobs", parse.GetValue(maxJobs));
            HostSetup.Add(settings, $"{WorkerOptions.Section}:MetricsPort", parse.GetValue(metricsPort));
            return HostSetup.RunAsync(() => Build([.. settings]), ct);
        });
        return command;
    }

    private static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        HostSetup.UseJsonLogging(builder.Logging);
        builder.AddDocStrangeTracing("docstrange-worker");
        builder.AddDocStrangeJobs(StorageModes.Distributed);
        builder.AddDocStrangeWorker();
        // Each conversion runs in a child of this same executable (DocStrange:Worker:Sandbox).
        if (SandboxCommand.OfThisProcess() is { } child) builder.Services.AddSingleton(child);
        return builder.Build();
    }
}
