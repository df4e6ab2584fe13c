using System.Diagnostics;
using System.Globalization;

namespace DocStrange.Bench.Office;

/// <summary>One timed run of a command: wall seconds (process start to exit) and peak resident memory (GNU time's maximum RSS).</summary>
internal sealed record Measurement(double Seconds, double PeakMiB, int ExitCode)
{
    /// <summary>Runs <paramref name="command"/> under <c>/usr/bin/time -f "%e %M"</c>.</summary>
    public static Measurement Run(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-f", "@@ %e %M", command }.Concat(arguments)) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        _ = output.Result;
        var line = errors.Split('\n').LastOrDefault(l => l.StartsWith("@@ ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no timing from {command}: {errors}");
        var parts = line.Split(' ');
        var kib = double.Parse(parts[2], CultureInfo.InvariantCulture);
        if (process.ExitCode != 0) Console.Error.WriteLine($"{command} exited {process.ExitCode}: {errors.Trim()}");
        return new Measurement(clock.Elapsed.TotalSeconds, kib / 1024, process.ExitCode);
    }
}
