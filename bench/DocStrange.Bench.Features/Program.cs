using System.Diagnostics;
using System.Globalization;
using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Model;
using DocStrange.Extraction;

// What the optional outputs add to a conversion, warm and in process: each round converts every file
// given in each variant, one after the other, so the variants share the machine's load; the variant's
// CPU seconds over the baseline's, median of the rounds, is the figure (CPU time is disturbed less than
// wall time by other work on a shared machine), the children's included.
//   baseline: Markdown, pictures as placeholders (the default)
//   images+chunks: pictures kept as image files (their bytes written out), Markdown linking them, and chunks
//   chunks: the baseline plus the chunks alone
//   fields: the baseline plus fields read by the rules engine and the fields JSON
// Usage: DocStrange.Bench.Features [--rounds N] [--fields a,b,c] FILE...
var rounds = 5;
var fieldNames = "invoice_number,date,total_amount,customer_name";
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--fields" && i + 1 < args.Length) fieldNames = args[++i];
    else files.Add(args[i]);
}
if (files.Count == 0)
{
    Console.Error.WriteLine("usage: DocStrange.Bench.Features [--rounds N] [--fields a,b,c] FILE...");
    return 2;
}

var converter = DocumentConverter.CreateDefault();
var imagesDir = Directory.CreateTempSubdirectory("docstrange-bench-images");
var fields = FieldRequest.From(fieldNames.Split(',', StringSplitOptions.RemoveEmptyEntries), null);
var variants = new (string Name, ConversionOptions Options, Action<DocumentModel> Export)[]
{
    ("baseline", ConversionOptions.Default, d => DocumentExporters.ExportToString(d, OutputFormat.Markdown)),
    ("images+chunks", ConversionOptions.Default with { Images = ImageMode.Files }, d =>
    {
        var export = new ExportOptions { Images = ImageMode.Files };
        DocumentExporters.ExportToString(d, OutputFormat.Markdown, export);
        DocumentExporters.ExportToString(d, OutputFormat.Chunks, export);
        foreach (var image in d.Blocks.Select(b => b.Image).OfType<PictureImage>())
        {
            File.WriteAllBytes(Path.Combine(imagesDir.FullName, Path.GetFileName(image.Name)), image.Bytes);
        }
    }),
    ("chunks", ConversionOptions.Default, d =>
    {
        DocumentExporters.ExportToString(d, OutputFormat.Markdown);
        DocumentExporters.ExportToString(d, OutputFormat.Chunks);
    }),
    ("fields", ConversionOptions.Default with { Fields = fields }, d =>
    {
        DocumentExporters.ExportToString(d, OutputFormat.Markdown);
        DocumentExporters.ExportToString(d, OutputFormat.Fields);
    }),
};

async Task<double> RunAsync((string Name, ConversionOptions Options, Action<DocumentModel> Export) variant)
{
    var cpu = CpuSeconds();
    foreach (var file in files) variant.Export(await converter.ConvertFileAsync(file, variant.Options));
    return CpuSeconds() - cpu;
}

// This process's CPU time and that of the children it has waited for (pdftoppm renders the crops of
// pictures drawn as vectors): fields 14–17 of /proc/self/stat, in clock ticks of 1/100 s.
static double CpuSeconds()
{
    var stat = File.ReadAllText("/proc/self/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / 100.0;
}

foreach (var variant in variants) await RunAsync(variant); // JIT and caches
var seconds = variants.ToDictionary(v => v.Name, _ => new List<double>());
for (var round = 1; round <= rounds; round++)
{
    foreach (var variant in variants) seconds[variant.Name].Add(await RunAsync(variant));
    Console.WriteLine($"round {round}: " + string.Join(", ", variants.Select(v => $"{v.Name} {seconds[v.Name][^1]:F2} CPU-s")));
}
imagesDir.Delete(recursive: true);

// Per round, each variant against the baseline of that round; the median of those ratios.
double MedianRatio(string name) => seconds[name].Zip(seconds["baseline"], (v, b) => v / b).Order().ElementAt(rounds / 2);
double Median(string name) => seconds[name].Order().ElementAt(rounds / 2);
foreach (var variant in variants.Skip(1))
{
    Console.WriteLine($"{variant.Name}: {Median(variant.Name):F2} CPU-s vs baseline {Median("baseline"):F2}: x{MedianRatio(variant.Name):F3} (+{(MedianRatio(variant.Name) - 1) * 100:F1} %)");
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"benchmark\":\"features\",\"files\":{files.Count},\"rounds\":{rounds},\"baseline_cpu_s\":{Median("baseline"):F3},\"images_chunks_ratio\":{MedianRatio("images+chunks"):F3},\"chunks_ratio\":{MedianRatio("chunks"):F3},\"fields_ratio\":{MedianRatio("fields"):F3}}}"));
return 0;
