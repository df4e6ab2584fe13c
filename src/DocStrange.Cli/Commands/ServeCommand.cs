using System.CommandLine;
using DocStrange.Api;
using DocStrange.Storage;
using DocStrange.Telemetry;
using DocStrange.Worker;
using DocStrange.Worker.Sandbox;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange serve</c>: the embedded all-in-one — API, web page and in-process workers over a
/// SQLite database and a local folder. Options not named here pass through to .NET configuration
/// (e.g. <c>--DocStrange:Jobs:MaxUploadBytes=1048576</c>).
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {DefaultUrl}, or the urls / ASPNETCORE_URLS setting)." };
        var data = new Option<string?>("--data") { Description = "The data folder (job database and files)." };
        var slots = new Option<int?>("--slots") { Description = "Jobs converted at once (default 1)." };
        var command = new Command("serve", "Run the API, the web page and the workers in one process.") { urls, data, slots };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            var settings = new List<string>(parse.UnmatchedTokens);
            HostSetup.Add(settings, "urls", parse.GetValue(urls));
            HostSetup.Add(settings, $"{StorageOptions.Section}:DataDirectory", parse.GetValue(data) is { } dir ? Path.GetFullPath(dir) : null);
            HostSetup.Add(settings, $"{WorkerOptions.Section}:Slots", parse.GetValue(slots));
            return HostSetup.RunAsync(() => Build([.. settings], StorageModes.Embedded, withWorkers: true), ct);
        });
        return command;
    }

    /// <summary>A web host with the API, and with in-process workers when asked.</summary>
    public static WebApplication Build(string[] args, string defaultMode, bool withWorkers)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        HostSetup.UseJsonLogging(builder.Logging);
        builder.AddDocStrangeTracing(withWorkers ? "docstrange" : "docstrange-api");
        builder.AddDocStrangeJobs(defaultMode);
        if (withWorkers)
        {
            builder.AddDocStrangeWorker();
            // Each conversion runs in a child of this same executable (DocStrange:Worker:Sandbox).
            if (SandboxCommand.OfThisProcess() is { } child) builder.Services.AddSingleton(child);
        }
        builder.AddDocStrangeApi();

        var app = builder.Build();
        app.MapDocStrangeApi();
        return app;
    }
}
