using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DocStrange.Bench.Submit;

if (args is ["floor", .. var floorArgs]) return await UploadFloor.RunAsync(floorArgs);

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

var file = options.File is { } path ? SampleDocument.FromPath(path) : SampleDocument.Create(options.Size) with { Varies = !options.SameDocument };
var tempRoot = Directory.CreateTempSubdirectory("docstrange-bench-").FullName;
var machine = MachineInfo.Read();
var loadAverage = MachineInfo.LoadAverage();
var services = new List<ChildService>();
SubmitTarget? docstrange = null, floor = null;
var keep = options.Keep;
try
{
    using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    var dotnet = ChildService.DotnetHost();

    var floorUri = new Uri($"http://127.0.0.1:{ChildService.FreeLoopbackPort()}/");
    var floorService = ChildService.Start("upload floor", dotnet,
        [typeof(UploadFloor).Assembly.Location, "floor", "--urls", floorUri.ToString().TrimEnd('/'), "--dir", Path.Combine(tempRoot, "floor")],
        tempRoot, Path.Combine(tempRoot, "floor.log"));
    services.Add(floorService);

    Uri docstrangeUri;
    Task docstrangeReady;
    if (options.Url is { } url)
    {
        docstrangeUri = url;
        docstrangeReady = Task.CompletedTask;
    }
    else
    {
        var dll = options.DocStrangeDll ?? DefaultDocStrangeDll();
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} is missing: build it first (dotnet build -c Release src/DocStrange.Cli), or pass --docstrange-dll or --url.");
            return 2;
        }
        docstrangeUri = new Uri($"http://127.0.0.1:{ChildService.FreeLoopbackPort()}/");
        var service = ChildService.Start("docstrange serve", dotnet,
            [dll, "serve", "--urls", docstrangeUri.ToString().TrimEnd('/'), "--data", Path.Combine(tempRoot, "data"), .. options.ServeArgs],
            tempRoot, Path.Combine(tempRoot, "docstrange.log"));
        services.Add(service);
        docstrangeReady = service.WaitReadyAsync(probe, new Uri(docstrangeUri, "api/v1/health/ready"), TimeSpan.FromSeconds(60), cts.Token);
    }
    await Task.WhenAll(docstrangeReady, floorService.WaitReadyAsync(probe, new Uri(floorUri, "health"), TimeSpan.FromSeconds(60), cts.Token));
    if (options.Url is not null)
    {
        using var ready = await probe.GetAsync(new Uri(docstrangeUri, "api/v1/health/ready"), cts.Token);
        if (!ready.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{docstrangeUri} is not ready: GET /api/v1/health/ready answered {(int)ready.StatusCode}.");
            return 2;
        }
    }

    // Open loop: N clients means N connections at most; closed rounds open what they need (N).
    int? connections = options.Rate is null ? null : options.Concurrency;
    docstrange = new SubmitTarget("docstrange", docstrangeUri, connections);
    floor = new SubmitTarget("floor", floorUri, connections);
    SubmitTarget[] targets = [docstrange, floor];

    // The client's own first-use costs (multipart writer, JIT) are paid here, before any timed request.
    using (var content = file.NewContent())
    {
        await content.ReadAsByteArrayAsync(cts.Token);
    }

    // Warm-up and measured rounds alike alternate which target goes first, so that noise on the
    // machine and whatever one service leaves running (DocStrange's worker) fall on both.
    TimeSpan OurCpu() => Environment.CpuUsage.TotalTime + services.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime);
    CpuUsage.Start? window = null;
    // With --concurrency N, each round sends N submissions to a target at once (N clients).
    var width = options.Concurrency;
    var rounds = options.Warmup + (options.Count + width - 1) / width;
    for (var round = 0; round < rounds; round++)
    {
        var warmup = round < options.Warmup;
        if (!warmup && window is null && options.Settle) await docstrange.SettleAsync(TimeSpan.FromMinutes(10), cts.Token);
        if (!warmup) window ??= CpuUsage.Begin(OurCpu);
        foreach (var target in round % 2 == 0 ? targets : targets.Reverse())
        {
            await (options.Rate is { } rate
                ? PacedRoundAsync(target, width, rate, warmup)
                : Task.WhenAll(Enumerable.Range(0, width).Select(_ => target.SubmitAsync(file, warmup, cts.Token))));
        }
    }

    // Sends `count` submissions at `rate` per second, evenly spaced from now, each at its time whether
    // or not the ones before it were answered (an open loop: arrivals do not wait for the service).
    async Task PacedRoundAsync(SubmitTarget target, int count, double rate, bool warmup)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var sent = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * System.Diagnostics.Stopwatch.Frequency / rate);
            var wait = System.Diagnostics.Stopwatch.GetElapsedTime(System.Diagnostics.Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cts.Token);
            // A timer may fire a little early: the clock then starts when the request is sent.
            sent.Add(target.SubmitAsync(file, warmup, cts.Token, scheduled: Math.Min(due, System.Diagnostics.Stopwatch.GetTimestamp())));
        }
        await Task.WhenAll(sent);
    }

    var cpu = window?.Stop() ?? new CpuUsage(0, null, 0, null);
    var report = new Report(options, file, machine, loadAverage, cpu, docstrange, floor);
    report.Print(Console.Out);
    var line = report.JsonLine();
    Console.WriteLine(line);
    if (options.JsonPath is { } jsonPath) await File.AppendAllTextAsync(jsonPath, line + "\n", cts.Token);

    var failed = docstrange.Failures.Count + floor.Failures.Count > 0;
    if (failed)
    {
        keep = true;
        Console.Error.WriteLine($"Submissions failed; logs and data kept in {tempRoot}");
    }
    return failed ? 1 : 0;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
{
    keep = true;
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine($"Logs kept in {tempRoot}");
    return 2;
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 2;
}
finally
{
    foreach (var service in services) await service.DisposeAsync();
    docstrange?.Dispose();
    floor?.Dispose();
    if (!keep)
    {
        try
        {
            Directory.Delete(tempRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child: leave the folder to the system's temp cleaning.
        }
    }
}

static string DefaultDocStrangeDll()
{
    // From bench/DocStrange.Bench.Submit/bin/<config>/<tfm>/ up to the folder that holds DocStrange.slnx.
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "DocStrange.slnx")))
        {
            return Path.Combine(dir.FullName, "src", "DocStrange.Cli", "bin", "Release", "net10.0", "docstrange.dll");
        }
    }
    return Path.GetFullPath("src/DocStrange.Cli/bin/Release/net10.0/docstrange.dll");
}

/// <summary>What the run was measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime)
{
    public static MachineInfo Read()
    {
        var cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return new MachineInfo(Environment.ProcessorCount, cpu, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The 1-minute load average, or null where the system does not tell it.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>The result: a table for people and one JSON line for tools.</summary>
internal sealed class Report(BenchOptions options, UploadFile file, MachineInfo machine, double? loadAverage, CpuUsage cpu, SubmitTarget docstrange, SubmitTarget floor)
{
    private const double TargetP50Ms = 20;
    private const double TargetP99Ms = 100;

    private readonly LatencyStats? _ds = LatencyStats.Of(docstrange.Samples);
    private readonly LatencyStats? _floor = LatencyStats.Of(floor.Samples);
    private readonly DateTimeOffset _at = DateTimeOffset.UtcNow;

    public void Print(TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var pace = options.Rate is { } rate
            ? string.Create(inv, $"in rounds of {options.Concurrency} sent at {rate:0.#} per second from {options.Concurrency} clients (open loop: latency from each submission's scheduled time)")
            : options.Concurrency == 1 ? "one after another" : $"in rounds of {options.Concurrency} at once";
        output.WriteLine(string.Create(inv, $"Submit latency: POST /api/v1/documents -> 202 job_id, {docstrange.Samples.Count + docstrange.Failures.Count} submissions {pace} per target, alternating"));
        output.WriteLine(string.Create(inv, $"  document  {file.FileName} ({file.Bytes.Length:N0} B, {file.ContentType}), {(file.Varies ? "a new one per submission (a run tag and serial number in its last line)" : "the same bytes every time (after the first, result-cache hits)")}"));
        output.WriteLine(string.Create(inv, $"  docstrange {docstrange.BaseUri}{(options.Url is null ? " (docstrange serve, started here)" : "")}{(options.ServeArgs.Count > 0 ? " " + string.Join(' ', options.ServeArgs) : "")}"));
        output.WriteLine(string.Create(inv, $"  floor      {floor.BaseUri} (Kestrel, multipart file part to disk, 202 + id)"));
        output.WriteLine(string.Create(inv, $"  machine    {machine.Cores} cores, {machine.Cpu}; {machine.Runtime}; 1-min load average {Load(loadAverage)} at start"));
        output.WriteLine(string.Create(inv, $"  cpu        during the {cpu.WallSeconds:0.00} s of measured rounds: machine {Percent(cpu.MachineBusy)} busy = this benchmark's processes {Percent(cpu.Ours)} + others {Percent(cpu.Others)}"));
        output.WriteLine(string.Create(inv, $"  date       {_at:yyyy-MM-dd HH:mm} UTC"));
        output.WriteLine();
        output.WriteLine("  ms            warm-up      p50      p90      p99      max     mean   ok  failed");
        Row(output, "docstrange", docstrange, _ds);
        Row(output, "floor", floor, _floor);
        if (_ds is not null && _floor is not null)
        {
            output.WriteLine(string.Create(inv, $"  {"ratio ds/fl",-12} {Ratio(docstrange.Warmups.FirstOrDefault(), floor.Warmups.FirstOrDefault()),8} {Ratio(_ds.P50, _floor.P50),8} {Ratio(_ds.P90, _floor.P90),8} {Ratio(_ds.P99, _floor.P99),8} {Ratio(_ds.Max, _floor.Max),8} {Ratio(_ds.Mean, _floor.Mean),8}"));
        }
        output.WriteLine();
        if (_ds is not null)
        {
            var rank99 = (int)Math.Ceiling(0.99 * _ds.Count);
            output.WriteLine(string.Create(inv, $"  percentiles by nearest rank over the measured submissions, warm-up excluded (p99 = sample {rank99} of {_ds.Count}{(rank99 == _ds.Count ? ", the max" : "")})"));
        }
        if (_ds is not null)
        {
            output.WriteLine(string.Create(inv, $"  target: p50 < {TargetP50Ms} ms {Verdict(_ds.P50 < TargetP50Ms)}, p99 < {TargetP99Ms} ms {Verdict(_ds.P99 < TargetP99Ms)}; {OverTarget(docstrange)} of {_ds.Count} DocStrange submissions (floor: {OverTarget(floor)}) took {TargetP99Ms} ms or more"));
        }
        foreach (var target in new[] { docstrange, floor })
        {
            foreach (var group in target.Failures.GroupBy(f => f))
            {
                output.WriteLine(string.Create(inv, $"  {target.Name} failed {group.Count()}x: {group.Key}"));
            }
        }
    }

    public string JsonLine() => JsonSerializer.Serialize(new
    {
        benchmark = "submit_latency",
        at = _at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        count = options.Count,
        concurrency = options.Concurrency,
        rate_per_second = options.Rate,
        settled_after_warmup = options.Settle,
        warmup = options.Warmup,
        document = new { name = file.FileName, bytes = file.Bytes.Length, content_type = file.ContentType, unique_per_submission = file.Varies },
        serve_args = options.ServeArgs,
        machine = new { cores = machine.Cores, cpu = machine.Cpu, os = machine.Os, runtime = machine.Runtime, load_average_1m = loadAverage },
        cpu = new
        {
            wall_s = Round(cpu.WallSeconds),
            machine_busy = cpu.MachineBusy is { } b ? Round(b) : (double?)null,
            benchmark = Round(cpu.Ours),
            others = cpu.Others is { } o ? Round(o) : (double?)null,
        },
        docstrange = Json(docstrange, _ds),
        floor = Json(floor, _floor),
        ratio = _ds is null || _floor is null ? null : new
        {
            p50 = Round(_ds.P50 / _floor.P50),
            p90 = Round(_ds.P90 / _floor.P90),
            p99 = Round(_ds.P99 / _floor.P99),
            max = Round(_ds.Max / _floor.Max),
            mean = Round(_ds.Mean / _floor.Mean),
        },
        target = _ds is null ? null : new { p50_ms = TargetP50Ms, p99_ms = TargetP99Ms, met = _ds.P50 < TargetP50Ms && _ds.P99 < TargetP99Ms },
    });

    private static object Json(SubmitTarget target, LatencyStats? stats) => new
    {
        url = target.BaseUri.ToString(),
        warmup_ms = target.Warmups.Select(Round).ToArray(),
        ok = target.Samples.Count,
        over_100_ms = OverTarget(target),
        failed = target.Failures.Count,
        p50_ms = stats is null ? (double?)null : Round(stats.P50),
        p90_ms = stats is null ? (double?)null : Round(stats.P90),
        p99_ms = stats is null ? (double?)null : Round(stats.P99),
        max_ms = stats is null ? (double?)null : Round(stats.Max),
        mean_ms = stats is null ? (double?)null : Round(stats.Mean),
        min_ms = stats is null ? (double?)null : Round(stats.Min),
        samples_ms = target.Samples.Select(Round).ToArray(),
        failures = target.Failures.Distinct().ToArray(),
    };

    private static void Row(TextWriter output, string name, SubmitTarget target, LatencyStats? s)
    {
        var warm = target.Warmups.Count > 0 ? Ms(target.Warmups[0]) : "-";
        output.WriteLine(s is null
            ? string.Create(CultureInfo.InvariantCulture, $"  {name,-12} {warm,8} {"-",8} {"-",8} {"-",8} {"-",8} {"-",8} {0,4} {target.Failures.Count,7}")
            : string.Create(CultureInfo.InvariantCulture, $"  {name,-12} {warm,8} {Ms(s.P50),8} {Ms(s.P90),8} {Ms(s.P99),8} {Ms(s.Max),8} {Ms(s.Mean),8} {s.Count,4} {target.Failures.Count,7}"));
    }

    private static int OverTarget(SubmitTarget target) => target.Samples.Count(ms => ms >= TargetP99Ms);

    private static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b > 0 && a > 0 ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";

    private static string Percent(double? share) => share is { } s ? (100 * s).ToString("0", CultureInfo.InvariantCulture) + " %" : "?";

    private static string Load(double? load) => load?.ToString("0.00", CultureInfo.InvariantCulture) ?? "?";

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static double Round(double value) => Math.Round(value, 3);
}
