using System.Diagnostics;

namespace DocStrange.Bench.Ocr;

/// <summary>Runs one external command to its end, output discarded, with <c>OMP_THREAD_LIMIT</c> set or removed.</summary>
internal static class Commands
{
    /// <summary>Runs <paramref name="program"/>; a non-zero exit is an exception naming the command and its error output.</summary>
    public static async Task RunAsync(string program, IEnumerable<string> arguments, string? ompThreadLimit)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (ompThreadLimit is null) start.Environment.Remove("OMP_THREAD_LIMIT");
        else start.Environment["OMP_THREAD_LIMIT"] = ompThreadLimit;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }
    }
}
