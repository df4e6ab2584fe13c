using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocStrange.Bench.Ocr;

// OCR benchmark: DocStrange against the pdftoppm + tesseract pipeline, side by side, same documents.
OcrBenchOptions options;
try
{
    options = OcrBenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"ocr-bench: {ex.Message}");
    return 2;
}

var inputs = OcrBenchOptions.Documents.Select(d => Path.GetFullPath(Path.Combine(options.Corpus, "docs", d))).ToArray();
var missing = inputs.Where(i => !File.Exists(i)).Append(options.DocStrangeDll).Where(p => !File.Exists(p)).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"ocr-bench: missing {string.Join(", ", missing)}");
    return 2;
}

var contenders = new List<Contenders.Contender>
{
    Contenders.DocStrange(Path.GetFullPath(options.DocStrangeDll)),
    Contenders.Pipeline("pipeline", "pdftoppm -r 300 + tesseract per page, one at a time, OpenMP at its default (BASELINES.md)", null, 1),
};
if (options.TunedPipelines)
{
    contenders.Add(Contenders.Pipeline("pipeline-omp1", "the same with OMP_THREAD_LIMIT=1", "1", 1));
    contenders.Add(Contenders.Pipeline("pipeline-omp1-x2", "the same, two commands at a time", "1", 2));
}

Console.WriteLine($"{inputs.Length} documents (4 scanned PDFs, 3 images, 11 pages); {Environment.ProcessorCount} cores; {options.Rounds} round(s)");
foreach (var c in contenders) Console.WriteLine($"  {c.Name,-17} {c.Description}");
Console.WriteLine();
Console.WriteLine($"  {"round",-5} {"contender",-17} {"wall s",8} {"cpu s",8} {"busy",6} {"sim image",10} {"sim scan",9}");

var results = contenders.ToDictionary(c => c.Name, _ => new List<RunResult>());
var outputs = new List<string>();
var failed = false;
for (var round = 1; round <= options.Rounds; round++)
{
    // Rotate the order each round, so a noisy minute does not always fall on the same contender.
    var order = contenders.Skip((round - 1) % contenders.Count).Concat(contenders.Take((round - 1) % contenders.Count));
    foreach (var contender in order)
    {
        var output = Directory.CreateTempSubdirectory($"ocr-bench-{contender.Name}-").FullName;
        outputs.Add(output);
        var cpuBefore = ChildCpu.Seconds();
        var busy = MachineLoad.Begin();
        var clock = Stopwatch.StartNew();
        try
        {
            await contender.RunAsync(inputs, output);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"ocr-bench: {contender.Name}: {ex.Message}");
            failed = true;
            continue;
        }
        var wall = clock.Elapsed.TotalSeconds;
        var load = busy.Stop();
        var cpu = ChildCpu.Seconds() - cpuBefore;
        var score = await Scoring.ScoreAsync(options.Corpus, output);
        var result = new RunResult(wall, cpu, load, score?.ByType, score?.ByFile);
        results[contender.Name].Add(result);
        Console.WriteLine($"  {round,-5} {contender.Name,-17} {wall,8:0.00} {cpu,8:0.00} {load,6:P0} {Sim(result, "image"),10} {Sim(result, "pdf-scan"),9}");
    }
}

if (results.Values.Any(r => r.Count == 0)) return 1;
var medians = results.ToDictionary(kv => kv.Key, kv => (Wall: Median(kv.Value.Select(r => r.Wall)), Cpu: Median(kv.Value.Select(r => r.Cpu))));
var docstrange = medians["docstrange"];
Console.WriteLine();
Console.WriteLine($"  median over {options.Rounds} round(s)   wall s    cpu s   docstrange/this (wall)   (cpu)");
foreach (var (name, m) in medians)
{
    Console.WriteLine($"  {name,-26} {m.Wall,8:0.00} {m.Cpu,8:0.00} {docstrange.Wall / m.Wall,20:0.00}x {docstrange.Cpu / m.Cpu,8:0.00}x");
}
var ratio = docstrange.Wall / medians["pipeline"].Wall;
var met = ratio <= 0.5;
Console.WriteLine();
Console.WriteLine($"  ratio docstrange / pipeline wall time: {ratio:0.00} (target <= 0.50: {(met ? "met" : "NOT met")})");

var lastDocStrange = results["docstrange"][^1];
var lastPipeline = results["pipeline"][^1];
if (lastDocStrange.ByFile is { } ours && lastPipeline.ByFile is { } theirs)
{
    Console.WriteLine();
    Console.WriteLine($"  {"document",-36} {"sim docstrange",15} {"sim pipeline",13}");
    foreach (var file in ours.Keys.Order(StringComparer.Ordinal))
    {
        Console.WriteLine($"  {file,-36} {ours[file],15:0.000} {theirs.GetValueOrDefault(file),13:0.000}");
    }
}

var line = JsonSerializer.Serialize(new
{
    benchmark = "ocr",
    date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    cores = Environment.ProcessorCount,
    rounds = options.Rounds,
    median = medians.ToDictionary(kv => kv.Key, kv => new { wall_s = Math.Round(kv.Value.Wall, 3), cpu_s = Math.Round(kv.Value.Cpu, 3) }),
    runs = results.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => new { wall_s = Math.Round(r.Wall, 3), cpu_s = Math.Round(r.Cpu, 3), machine_busy = Math.Round(r.MachineBusy, 3), sim = r.ByType })),
    ratio_wall = Math.Round(ratio, 3),
    target = new { ratio_wall_max = 0.5, met },
});
Console.WriteLine();
Console.WriteLine(line);
if (options.Json is { } path) await File.AppendAllTextAsync(path, line + "\n");

if (options.Keep) Console.WriteLine($"outputs kept: {string.Join(" ", outputs)}");
else foreach (var o in outputs) Directory.Delete(o, recursive: true);
return failed ? 1 : 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Sim(RunResult result, string type) => result.ByType?.TryGetValue(type, out var sim) == true ? sim.ToString("0.000", CultureInfo.InvariantCulture) : "-";

/// <summary>One contender's run: wall and CPU seconds, how busy the machine was, and its scores.</summary>
internal sealed record RunResult(double Wall, double Cpu, double MachineBusy, Dictionary<string, double>? ByType, Dictionary<string, double>? ByFile);
