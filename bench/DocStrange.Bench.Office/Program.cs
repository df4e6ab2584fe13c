using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocStrange.Bench.Office;

// Office-formats benchmark (bench/README.md): generates a large workbook and presentation, then times
// `docstrange convert` (one process per file, as a user runs it) on them and on the corpus DOCX and HTML
// files, with pandoc on the same DOCX and HTML files in the same run, alternating which goes first.
var options = Args.Parse(args);
var work = Directory.CreateTempSubdirectory("docstrange-bench-office-").FullName;
try
{
    var clock = Stopwatch.StartNew();
    var xlsx = Path.Combine(work, $"generated_{options.Rows}_rows.xlsx");
    WorkbookGenerator.Write(xlsx, options.Rows);
    var pptx = Path.Combine(work, $"generated_{options.Slides}_slides.pptx");
    PresentationGenerator.Write(options.Template, pptx, options.Slides);
    Console.WriteLine($"generated {Path.GetFileName(xlsx)} ({Size(xlsx)}) and {Path.GetFileName(pptx)} ({Size(pptx)}) in {clock.Elapsed.TotalSeconds:0.0} s");
    var tiny = Path.Combine(work, "startup.txt");
    File.WriteAllText(tiny, "Hello.\n");

    var rows = new List<ResultRow>();
    rows.Add(Measure("startup.txt (process floor)", tiny, options.Runs, pandoc: false));
    rows.Add(Measure(Path.GetFileName(xlsx), xlsx, options.BigRuns, pandoc: false));
    rows.Add(Measure(Path.GetFileName(pptx), pptx, options.BigRuns, pandoc: false));
    foreach (var file in Directory.EnumerateFiles(options.Corpus).Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)).Order())
    {
        rows.Add(Measure(Path.GetFileName(file), file, options.Runs, pandoc: true));
    }

    Console.WriteLine();
    Console.WriteLine($"{"file",-36} {"size",9} {"ds s",8} {"ds MiB",8} {"pandoc s",9} {"pd MiB",8} {"s ratio",8}  output");
    foreach (var r in rows)
    {
        var pandocSeconds = r.Pandoc is null ? "n/a" : r.Pandoc.Seconds.ToString("0.000", CultureInfo.InvariantCulture);
        var pandocMiB = r.Pandoc is null ? "n/a" : r.Pandoc.PeakMiB.ToString("0", CultureInfo.InvariantCulture);
        var ratio = r.Pandoc is null ? "" : (r.DocStrange.Seconds / r.Pandoc.Seconds).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"{r.File,-36} {r.Size,9} {r.DocStrange.Seconds,8:0.000} {r.DocStrange.PeakMiB,8:0} {pandocSeconds,9} {pandocMiB,8} {ratio,8}  {r.Output}");
    }
    Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "office", rows = options.Rows, slides = options.Slides, runs = options.Runs, results = rows }));
    return rows.Any(r => r.Failed) ? 1 : 0;
}
finally
{
    if (!options.Keep) Directory.Delete(work, recursive: true);
    else Console.WriteLine($"kept {work}");
}

ResultRow Measure(string name, string file, int runs, bool pandoc)
{
    var output = Path.Combine(work, Path.GetFileName(file) + ".md");
    var ours = new List<Measurement>();
    var theirs = new List<Measurement>();
    for (var i = 0; i < runs; i++)
    {
        // Alternate who goes first, so the machine's noise falls on both.
        if (pandoc && i % 2 == 1) theirs.Add(Measurement.Run("pandoc", ["-t", "gfm", file, "-o", output + ".pandoc"]));
        ours.Add(Measurement.Run("dotnet", [options.Cli, "convert", file, "-o", output]));
        if (pandoc && i % 2 == 0) theirs.Add(Measurement.Run("pandoc", ["-t", "gfm", file, "-o", output + ".pandoc"]));
    }
    var text = File.Exists(output) ? File.ReadAllText(output) : "";
    var tableRows = text.Split('\n').Count(l => l.StartsWith('|'));
    var summary = $"{text.Length:N0} chars, {tableRows:N0} table lines";
    Console.Error.WriteLine($"  {name}: {Median(ours).Seconds:0.000} s");
    return new ResultRow(name, Size(file), Median(ours), pandoc ? Median(theirs) : null, summary, ours.Any(m => m.ExitCode != 0));
}

static Measurement Median(List<Measurement> runs)
{
    var sorted = runs.OrderBy(m => m.Seconds).ToList();
    return sorted[sorted.Count / 2] with { PeakMiB = runs.Max(m => m.PeakMiB) };
}

static string Size(string path)
{
    var bytes = new FileInfo(path).Length;
    return bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MiB" : $"{bytes / 1024.0:0.0} KiB";
}

/// <summary>One file's result: median wall time and the highest peak memory over the runs, ours and pandoc's.</summary>
internal sealed record ResultRow(string File, string Size, Measurement DocStrange, Measurement? Pandoc, string Output, bool Failed);

/// <summary>Command-line options: <c>--cli</c>, <c>--corpus</c>, <c>--template</c>, <c>--rows</c>, <c>--slides</c>, <c>--runs</c>, <c>--big-runs</c>, <c>--keep</c>.</summary>
internal sealed record Args(string Cli, string Corpus, string Template, int Rows, int Slides, int Runs, int BigRuns, bool Keep)
{
    public static Args Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Args(
            Value("--cli", "src/DocStrange.Cli/bin/Release/net10.0/docstrange.dll"),
            Value("--corpus", "../shared/corpus/docs"),
            Value("--template", "tests/DocStrange.Extraction.Tests/data/pptx/powerpoint_sample.pptx"),
            int.Parse(Value("--rows", "200000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--slides", "300"), CultureInfo.InvariantCulture),
            int.Parse(Value("--runs", "5"), CultureInfo.InvariantCulture),
            int.Parse(Value("--big-runs", "3"), CultureInfo.InvariantCulture),
            args.Contains("--keep"));
    }
}
