namespace DocStrange.Bench.Ocr;

/// <summary>
/// What is measured: DocStrange's CLI converting every document in one process, and the usual OCR
/// pipeline of BASELINES.md — each PDF rendered by <c>pdftoppm -r 300 -gray</c> to PGM files, then
/// one <c>tesseract</c> process per page image (images go to tesseract as they are), the page texts
/// joined per document. Each writes <c>&lt;input name&gt;.md</c> or <c>.txt</c> into its output folder.
/// </summary>
internal static class Contenders
{
    /// <summary>One contender: its name and how to run it into a folder.</summary>
    public sealed record Contender(string Name, string Description, Func<string[], string, Task> RunAsync);

    /// <summary>
    /// <c>docstrange convert FILES --output DIR</c>, started without <c>OMP_THREAD_LIMIT</c> in its
    /// environment, so the engine's own setting is what is measured.
    /// </summary>
    public static Contender DocStrange(string dll) => new("docstrange", "docstrange convert, all files in one process",
        (inputs, output) => Commands.RunAsync("dotnet", [dll, "convert", .. inputs, "--output", output], ompThreadLimit: null));

    /// <summary>The pipeline; <paramref name="ompThreadLimit"/> null leaves tesseract's OpenMP at its default (all cores), as in BASELINES.md.</summary>
    public static Contender Pipeline(string name, string description, string? ompThreadLimit, int parallel) => new(name, description,
        (inputs, output) => RunPipelineAsync(inputs, output, ompThreadLimit, parallel));

    private static async Task RunPipelineAsync(string[] inputs, string output, string? ompThreadLimit, int parallel)
    {
        var work = Directory.CreateTempSubdirectory("ocr-bench-pipeline-").FullName;
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallel };
            var pdfs = inputs.Where(i => i.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
            await Parallel.ForEachAsync(pdfs, options, async (pdf, _) =>
            {
                var folder = Directory.CreateDirectory(Path.Combine(work, Path.GetFileName(pdf))).FullName;
                await Commands.RunAsync("pdftoppm", ["-r", "300", "-gray", pdf, Path.Combine(folder, "page")], ompThreadLimit);
            });

            var pages = inputs.Select(input => (Input: input, Images: PageImages(input, work))).ToList();
            var jobs = pages.SelectMany(p => p.Images.Select((image, n) => (Image: image, Base: Path.Combine(work, $"{Path.GetFileName(p.Input)}.{n:D4}")))).ToList();
            await Parallel.ForEachAsync(jobs, options, async (job, _) =>
                await Commands.RunAsync("tesseract", [job.Image, job.Base], ompThreadLimit));

            foreach (var (input, images) in pages)
            {
                var texts = images.Select((_, n) => File.ReadAllText(Path.Combine(work, $"{Path.GetFileName(input)}.{n:D4}.txt")));
                await File.WriteAllTextAsync(Path.Combine(output, Path.GetFileName(input) + ".txt"), string.Join("\n", texts));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<string> PageImages(string input, string work)
    {
        if (!input.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return [input];
        // pdftoppm numbers pages page-1.pgm or page-01.pgm ..., padded to the page count's width.
        return [.. Directory.EnumerateFiles(Path.Combine(work, Path.GetFileName(input)), "page-*.pgm")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)["page-".Length..], System.Globalization.CultureInfo.InvariantCulture))];
    }
}
