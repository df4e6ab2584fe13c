using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DocStrange.Bench.Submit;

/// <summary>
/// A service the benchmark runs as a child process: its output goes to a log file (not through this
/// process), it is polled until its readiness route answers 200, and it is killed at the end.
/// </summary>
internal sealed class ChildService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter? _drain;

    private ChildService(string name, Process process, string logPath, StreamWriter? drain)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _drain = drain;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the service has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="args"/> in <paramref name="workDir"/>, output to <paramref name="logPath"/>.</summary>
    public static ChildService Start(string name, string fileName, IEnumerable<string> args, string workDir, string logPath)
    {
        var start = new ProcessStartInfo { WorkingDirectory = workDir, UseShellExecute = false };
        StreamWriter? drain = null;
        if (OperatingSystem.IsWindows())
        {
            start.FileName = fileName;
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            drain = new StreamWriter(logPath) { AutoFlush = true };
        }
        else
        {
            // The shell replaces itself with the service, whose output goes straight to the file.
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$BENCH_CHILD_LOG\" 2>&1");
            start.ArgumentList.Add(fileName);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["BENCH_CHILD_LOG"] = logPath;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        if (drain is not null)
        {
            var gate = new object();
            void Write(object _, DataReceivedEventArgs e)
            {
                if (e.Data is null) return;
                lock (gate) drain.WriteLine(e.Data);
            }
            process.OutputDataReceived += Write;
            process.ErrorDataReceived += Write;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return new ChildService(name, process, logPath, drain);
    }

    /// <summary>Polls <paramref name="readyUri"/> until it answers 200; fails when the process ends or the time is up.</summary>
    public async Task WaitReadyAsync(HttpClient probe, Uri readyUri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{LogTail(20)}");
            }
            try
            {
                using var response = await probe.GetAsync(readyUri, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready at {readyUri} after {timeout.TotalSeconds:0} s.\n{LogTail(20)}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The last lines of the service's log.</summary>
    public string LogTail(int lines)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    /// <summary>A loopback port free at the time of asking.</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The <c>dotnet</c> host that runs this program, to run the other programs with the same runtime.</summary>
    public static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it would not die: nothing more to do here.
        }
        _process.Dispose();
        if (_drain is not null) await _drain.DisposeAsync();
    }
}
