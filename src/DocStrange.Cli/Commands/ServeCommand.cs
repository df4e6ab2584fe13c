using System.CommandLine;
using DocStrange.Api;
using DocStrange.Storage;
using DocStrange.Worker;
using Microsoft.Extensions.Options;

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
        command.SetAction(async (parse, ct) =>
        {
            var settings = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } u) settings.Add($"--urls={u}");
            if (parse.GetValue(data) is { } dir) settings.Add($"--{StorageOptions.Section}:DataDirectory={Path.GetFullPath(dir)}");
            if (parse.GetValue(slots) is { } n) settings.Add($"--{WorkerOptions.Section}:Slots={n}");
            return await RunAsync([.. settings], ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        // Per-request framework chatter stays out of the log by default; configuration can bring it back.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddDocStrangeJobs();
        builder.AddDocStrangeWorker();
        builder.AddDocStrangeApi();

        var app = builder.Build();
        app.MapDocStrangeApi();
        try
        {
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            // A bad setting stops the start with a message that names it, not a stack trace.
            // Every options class names its configuration section in a constant `Section`.
            var section = ex.OptionsType.GetField("Section")?.GetValue(null) as string ?? ex.OptionsType.Name;
            foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync($"docstrange: configuration section {section}: {failure}");
            return 1;
        }
    }
}
