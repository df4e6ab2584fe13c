using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker.Sandbox;

/// <summary>Which budget a child was stopped for.</summary>
internal enum LimitBreach
{
    None,
    Memory,
    CpuTime,
}

/// <summary>How a child ended: its exit code (128 + the signal when a signal ended it), the budget it was stopped for, what it used, and what it said on standard error.</summary>
internal sealed record ChildExit(int ExitCode, LimitBreach Breach, long PeakResidentBytes, double CpuSeconds, bool StackOverflow, bool OutOfMemory, string ErrorTail)
{
    /// <summary>The signal that ended the child, or null when it exited by itself.</summary>
    public int? Signal => ExitCode > 128 && ExitCode < 160 ? ExitCode - 128 : null;
}

/// <summary>
/// One conversion child, started ahead of its job (it waits for the request path on standard input)
/// and held to its budget from its start to its end. Memory: the resident memory of the child and every
/// process it started (so native code, pdftoppm and LibreOffice count too) is read from <c>/proc</c>
/// every <see cref="WatchInterval"/> while it converts, and the whole tree is killed when it passes the
/// budget; the child's .NET heap is capped below it (<c>DOTNET_GCHeapHardLimit</c>) so managed
/// allocations fail cleanly first. CPU time: the same watch adds it up over the tree, and the kernel
/// holds the child to it too (<c>RLIMIT_CPU</c>), in case the watch itself is starved. A child serves
/// one job and ends.
/// </summary>
internal sealed class ConversionChild : IDisposable
{
    /// <summary>How often a converting child's use is read.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a child waiting for its job is read (it does nothing then).</summary>
    private static readonly TimeSpan IdleWatchInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The descendants are looked for every this many reads (a child rarely starts processes).</summary>
    private const int DescendantRefreshEvery = 5;

    private const int ErrorTailLines = 40;

    private readonly Process _process;
    private readonly SandboxOptions _options;
    private readonly ErrorLines _errors = new();
    private readonly TaskCompletionSource _handedOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stdout;
    private readonly Task _stderr;
    private readonly Task<ChildExit> _watch;
    private Action<string>? _onLine;

    private ConversionChild(Process process, SandboxOptions options)
    {
        _process = process;
        _options = options;
        _stdout = PumpAsync(process.StandardOutput, line => Volatile.Read(ref _onLine)?.Invoke(line));
        _stderr = PumpAsync(process.StandardError, _errors.Add);
        _watch = WatchAsync();
    }

    /// <summary>Whether the child is gone (a child that died waiting is no use to a job).</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                return _watch.IsCompleted || _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts a child that waits for its request; the budgets hold from now.</summary>
    public static ConversionChild Start(SandboxCommand command, SandboxOptions options, ILogger logger)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in command.Environment) start.Environment[name] = value;
        // Workstation GC (one heap, not one per core) capped at three quarters of the budget.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + options.HeapLimitBytes.ToString("x", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment.Remove("DOTNET_GCHeapHardLimitPercent");
        start.Environment.Remove("DOTNET_GCHeapAffinitizeMask");

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"The conversion sandbox could not start '{command.FileName}'.", ex);
        }
        if (!CpuTimeLimit.TrySet(process.Id, options.CpuSeconds))
        {
            logger.LogWarning("Could not set the CPU-time limit of conversion child {Pid}; the watch alone holds it", process.Id);
        }
        return new ConversionChild(process, options);
    }

    /// <summary>
    /// Hands the child its request and waits for it to end, feeding its progress lines to
    /// <paramref name="onLine"/>. Cancellation kills the child and its processes at once.
    /// </summary>
    public async Task<ChildExit> RunAsync(string requestPath, Action<string> onLine, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _onLine, onLine);
        _handedOver.TrySetResult();
        ChildExit exit;
        await using (cancellationToken.Register(Kill))
        {
            // A child that died before it could read its request has its input closed; how it ended says why.
            await SendLineAsync(requestPath);
            exit = await _watch;
        }
        cancellationToken.ThrowIfCancellationRequested();
        return exit;
    }

    /// <summary>Writes a line to the child's standard input; a child that is gone (its input closed) is not written to.</summary>
    public async Task SendLineAsync(string line)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone already.
        }
    }

    /// <summary>Kills the child and every process it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        // The watch ends with the process; the process object goes with it.
        _ = _watch.ContinueWith(_ => _process.Dispose(), TaskScheduler.Default);
    }

    private async Task<ChildExit> WatchAsync()
    {
        var breach = LimitBreach.None;
        long peak = 0;
        double cpu = 0;
        IReadOnlyList<int> descendants = [];
        var exited = _process.WaitForExitAsync(CancellationToken.None);
        for (var tick = 0; !exited.IsCompleted; tick++)
        {
            if (tick % DescendantRefreshEvery == 0) descendants = ProcessUsage.DescendantsOf(_process.Id);
            if (ProcessUsage.OfTree(_process.Id, descendants) is { } usage)
            {
                peak = Math.Max(peak, usage.ResidentBytes);
                cpu = Math.Max(cpu, usage.CpuSeconds);
                if (usage.ResidentBytes > _options.MemoryLimitBytes) breach = LimitBreach.Memory;
                else if (usage.CpuSeconds > _options.CpuSeconds) breach = LimitBreach.CpuTime;
                if (breach != LimitBreach.None)
                {
                    Kill();
                    break;
                }
            }
            // Wakes at the exit, the hand-over, or the next reading, whichever comes first.
            var next = _handedOver.Task.IsCompleted ? Task.Delay(WatchInterval) : Task.WhenAny(_handedOver.Task, Task.Delay(IdleWatchInterval));
            await Task.WhenAny(exited, next);
        }
        await exited;
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Nothing was left to send.
        }
        // A process the child started may still hold the pipes; its output is not needed then.
        await Task.WhenAny(Task.WhenAll(_stdout, _stderr), Task.Delay(TimeSpan.FromSeconds(2)));
        return new ChildExit(_process.ExitCode, breach, peak, cpu, _errors.StackOverflow, _errors.OutOfMemory, _errors.Tail);
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line) onLine(line);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The child is gone.
        }
    }

    /// <summary>The child's standard error: its last lines for the log, and whether the runtime reported a stack overflow or an out-of-memory failure.</summary>
    private sealed class ErrorLines
    {
        private readonly Queue<string> _tail = new();

        public bool StackOverflow { get; private set; }

        public bool OutOfMemory { get; private set; }

        public string Tail
        {
            get
            {
                lock (_tail) return string.Join('\n', _tail);
            }
        }

        public void Add(string line)
        {
            // The runtime's own words: "Stack overflow." before the frames; an OutOfMemoryException or a failed GC commit.
            if (line.StartsWith("Stack overflow", StringComparison.Ordinal)) StackOverflow = true;
            if (line.Contains("OutOfMemoryException", StringComparison.Ordinal) || line.Contains("Out of memory", StringComparison.OrdinalIgnoreCase)) OutOfMemory = true;
            lock (_tail)
            {
                _tail.Enqueue(line.Length > 500 ? line[..500] : line);
                if (_tail.Count > ErrorTailLines) _tail.Dequeue();
            }
        }
    }
}
