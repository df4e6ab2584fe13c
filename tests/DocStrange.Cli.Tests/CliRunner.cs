using System.Diagnostics;

namespace DocStrange.Cli.Tests;

/// <summary>Runs the docstrange executable built beside the tests.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>The exit code reported for a process that was stopped because it ran past its time.</summary>
    public const int StoppedAtTimeLimit = -1;

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(2), args);

    /// <summary>Runs the command with these environment variables set.</summary>
    public static Task<Outcome> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(TimeSpan.FromMinutes(2), environment, args);

    /// <summary>Runs the command; one still running after <paramref name="limit"/> (a server that should not have started) is stopped.</summary>
    public static Task<Outcome> RunAsync(TimeSpan limit, params string[] args) => RunAsync(limit, new Dictionary<string, string>(), args);

    private static async Task<Outcome> RunAsync(TimeSpan limit, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = StartInfo(args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Outcome(StoppedAtTimeLimit, await stdout, await stderr);
        }
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The docstrange executable with these arguments, its output captured.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "docstrange.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The server and key of the shell running the tests must not reach the commands under test.
        start.Environment.Remove("DOCSTRANGE_SERVER");
        start.Environment.Remove("DOCSTRANGE_API_KEY");
        return start;
    }
}
