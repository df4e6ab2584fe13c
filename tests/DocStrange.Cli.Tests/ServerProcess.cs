using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DocStrange.Cli.Tests;

/// <summary>
/// A DocStrange server as a child process of the built executable, on a free loopback port over a temporary
/// data folder (SQLite and local files): the client commands talk to it over real HTTP, as a user's would.
/// </summary>
public abstract partial class ServerProcess : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("docstrange-cli-server-").FullName;
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    /// <summary>The server's root URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The command and its own settings; the port, the limits and the data folder are added.</summary>
    protected abstract IEnumerable<string> Command(string data);

    public async Task InitializeAsync()
    {
        string[] settings =
        [
            "--urls", "http://127.0.0.1:0",
            // Tests make many calls as one anonymous caller: the free tier's limits would refuse them.
            "--DocStrange:Tiers:Free:RequestsPerMinute=1000000", "--DocStrange:Tiers:Free:DocumentsPerDay=1000000",
            "--DocStrange:Tiers:Free:ConcurrentJobs=1000000", "--DocStrange:Worker:ProgressInterval=00:00:00.100",
        ];
        _process = Process.Start(CliRunner.StartInfo(Command(_data).Concat(settings)))!;
        // The log is read to its end, so a full pipe never blocks the server; the first address it listens on is the one.
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && ListeningOn().Match(text) is { Success: true } match) _listening.TrySetResult(match.Groups[1].Value);
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"the server exited with {_process.ExitCode} before listening"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Url = await _listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        Directory.Delete(_data, recursive: true);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

/// <summary><c>docstrange serve</c>: the API with workers, converting what is submitted.</summary>
public sealed class ConvertingServer : ServerProcess
{
    protected override IEnumerable<string> Command(string data) => ["serve", "--data", data, "--slots", "2"];
}

/// <summary>The API over the embedded storage without workers: every job stays pending until cancelled.</summary>
public sealed class QueueOnlyServer : ServerProcess
{
    protected override IEnumerable<string> Command(string data) =>
        ["api", "--DocStrange:Mode=embedded", $"--DocStrange:Storage:DataDirectory={data}"];
}
