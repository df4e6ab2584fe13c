using DocStrange.Storage;
using DocStrange.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace DocStrange.Cli.Commands;

/// <summary>What every long-running command shares: JSON-line logs and a start that names a bad setting or a damaged database instead of crashing.</summary>
internal static class HostSetup
{
    /// <summary>Logs as JSON lines with scopes (request id, job id); per-request framework chatter off by default.</summary>
    public static void UseJsonLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }

    /// <summary>
    /// Runs the host until it stops. A configuration error is one line per bad key, a damaged job
    /// database one line naming the file and what to do; either way exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(Func<IHost> build, CancellationToken cancellationToken)
    {
        try
        {
            using var host = build();
            await StorageStartCheck.RunAsync(host.Services, cancellationToken);
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await ReportAsync(ex);
            return 1;
        }
        catch (DamagedDatabaseException ex)
        {
            await Console.Error.WriteLineAsync($"docstrange: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Prints a configuration error: the section (every options class names it in a constant <c>Section</c>) and what is wrong.</summary>
    public static async Task ReportAsync(OptionsValidationException ex)
    {
        var section = ex.OptionsType.GetField("Section")?.GetValue(null) as string ?? ex.OptionsName;
        foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync($"docstrange: configuration section {section}: {failure}");
    }

    /// <summary>Adds a <c>--key=value</c> setting to the host's arguments when the value was given.</summary>
    public static void Add(List<string> settings, string key, object? value)
    {
        if (value is not null) settings.Add($"--{key}={value}");
    }
}
