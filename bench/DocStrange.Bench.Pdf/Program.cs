using System.Diagnostics;
using System.Globalization;
using DocStrange.Document.Export;
using DocStrange.Extraction;

// Warm in-process throughput: every PDF given is converted (and exported to Markdown) once to warm
// the JIT, then ROUNDS more times on this one thread. Each round prints pages per second of wall
// time and per second of the process's CPU time (pages per second per core, which other work on a
// shared machine disturbs less); the medians close with a JSON line.
// Usage: DocStrange.Bench.Pdf [--rounds N] FILE.pdf...
var rounds = 5;
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else files.Add(args[i]);
}
if (files.Count == 0)
{
    Console.Error.WriteLine("usage: DocStrange.Bench.Pdf [--rounds N] FILE.pdf...");
    return 2;
}

var converter = DocumentConverter.CreateDefault();
async Task<int> ConvertAll()
{
    var pages = 0;
    foreach (var file in files)
    {
        var document = await converter.ConvertFileAsync(file);
        _ = DocumentExporters.ExportToString(document, OutputFormat.Markdown);
        pages += document.Pages.Count;
    }
    return pages;
}

var warmup = Stopwatch.StartNew();
var pageCount = await ConvertAll();
Console.WriteLine($"warm-up: {pageCount} pages in {warmup.Elapsed.TotalSeconds:F2} s (JIT included)");
var rates = new List<double>();
var cpuRates = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await ConvertAll();
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    rates.Add(pageCount / seconds);
    cpuRates.Add(pageCount / cpuSeconds);
    Console.WriteLine($"round {round}: {pageCount} pages in {seconds:F3} s = {pageCount / seconds:F1} pages/s; process CPU {cpuSeconds:F2} s = {pageCount / cpuSeconds:F1} pages per CPU second");
}
var median = rates.Order().ElementAt(rates.Count / 2);
var cpuMedian = cpuRates.Order().ElementAt(cpuRates.Count / 2);
Console.WriteLine($"median: {median:F1} pages/s on one thread, {cpuMedian:F1} pages per CPU second");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"benchmark\":\"pdf_warm\",\"files\":{files.Count},\"pages\":{pageCount},\"rounds\":{rounds},\"pages_per_second\":{median:F1},\"pages_per_cpu_second\":{cpuMedian:F1},\"rounds_pages_per_second\":[{string.Join(",", rates.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}]}}"));
return 0;
