using System.CommandLine;
using System.Globalization;
using System.Text;
using DocStrange.Cli.Progress;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction;
using DocStrange.Extraction.Fields.Llm;
using DocStrange.Jobs.Errors;
using Microsoft.Extensions.Configuration;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange convert FILE... [--format F] [--output DIR | -o FILE]</c>: converts files locally, no
/// server. One file without an output option goes to stdout; with <c>--output DIR</c> each input
/// becomes <c>DIR/&lt;input name&gt;.&lt;ext&gt;</c>. A failed input is reported on one line and the
/// others still convert; the exit code says whether all succeeded. Progress and, for several files or on
/// a terminal, a summary go to stderr; stdout and the output files hold only results.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The documents to convert." };
        var outputDir = new Option<string?>("--output") { Description = "Write DIR/<input file name>.<ext> for each input." };
        var outputFile = new Option<string?>("-o") { Description = "Write the one input's result to FILE." };
        var conversion = new ConversionOptionSet();
        var command = new Command("convert", "Convert documents locally (no server).") { files, outputDir, outputFile };
        conversion.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (conversion.Read(parse, out var problem) is not { } choices)
            {
                await Console.Error.WriteLineAsync($"docstrange: {problem}");
                return 2;
            }
            return await RunAsync(parse.GetValue(files)!, choices, parse.GetValue(outputDir), parse.GetValue(outputFile), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] files, ConversionChoices choices, string? outputDir, string? outputFile, CancellationToken cancellationToken)
    {
        if (outputDir is not null && outputFile is not null || outputFile is not null && files.Length > 1)
        {
            await Console.Error.WriteLineAsync("docstrange: use -o FILE with one input, or --output DIR with any number");
            return 2;
        }
        // Image files are named by page and number, so two inputs' images would take each other's names.
        if (choices.Export.Images == ImageMode.Files && (files.Length != 1 || outputDir is null && outputFile is null))
        {
            await Console.Error.WriteLineAsync("docstrange: --images files takes one input and --output DIR or -o FILE, next to which it writes images/");
            return 2;
        }
        var llm = choices.Fields is null ? null : LocalLlm();
        if (choices.Conversion.ExtractMode == ExtractMode.Llm && llm is null)
        {
            await Console.Error.WriteLineAsync($"docstrange: {ServiceErrors.LlmNotConfigured.Name}: --extract-mode llm needs an LLM: set DocStrange__Llm__BaseUrl and DocStrange__Llm__Model");
            return 2;
        }
        if (outputDir is not null) Directory.CreateDirectory(outputDir);

        var converter = DocumentConverter.CreateDefault();
        // One file into a pipe stays quiet, as a filter should; several files, or a person watching, get progress and a summary.
        var summarize = files.Length > 1 || ProgressBoard.IsTerminal;
        var board = ProgressBoard.ForStandardError(lines: files.Length > 1);
        var summary = new RunSummary();
        // Results for a stdout that is the terminal of the live bars wait until the bars are gone, which would draw over them.
        var holdStdout = ProgressBoard.IsTerminal && !Console.IsOutputRedirected;
        var held = new List<DocumentModel>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = outputDir is null ? 1 : Environment.ProcessorCount, CancellationToken = cancellationToken };
        // Into a folder, the largest files start first, so no large one is left running alone at the end.
        var queue = outputDir is null ? files : files.OrderByDescending(f => File.Exists(f) ? new FileInfo(f).Length : 0).ToArray();
        await board.RunAsync(() => Parallel.ForEachAsync(queue, parallel, async (file, ct) =>
        {
            var progress = board.Add(file);
            var target = outputFile ?? (outputDir is null ? null : ResultFiles.PathIn(outputDir, file, choices.Format));
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (pages, error, document) = await ConvertOneAsync(converter, llm, file, choices, target, holdStdout, progress, ct);
            if (document is not null) held.Add(document);
            if (error is null)
            {
                summary.Converted(pages);
                progress.Succeed(string.Create(CultureInfo.InvariantCulture, $"{pages} {(pages == 1 ? "page" : "pages")} in {started.Elapsed.TotalSeconds:0.0} s"));
                return;
            }
            summary.Failure();
            progress.Fail(error);
        }));
        foreach (var document in held) await WriteToStdoutAsync(document, choices, cancellationToken);
        if (summarize) await Console.Error.WriteLineAsync(summary.Line());
        return summary.Failed == 0 ? 0 : 1;
    }

    /// <summary>The LLM engine as the server configures it (<c>DocStrange:Llm</c>), read from the environment (<c>DocStrange__Llm__BaseUrl</c>, ...); null when none is set.</summary>
    private static LlmFieldClient? LocalLlm() =>
        LlmFieldClient.Create(new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions());

    // The files the output's image links point to, in images/ next to it.
    private static async Task WriteImagesAsync(DocumentModel document, string folder, CancellationToken cancellationToken)
    {
        var images = Path.Combine(folder, PictureFiles.Folder);
        foreach (var (name, image) in PictureFiles.Of(document))
        {
            Directory.CreateDirectory(images);
            await File.WriteAllBytesAsync(Path.Combine(images, name), image.Bytes, cancellationToken);
        }
    }

    private static async Task WriteToStdoutAsync(DocumentModel document, ConversionChoices choices, CancellationToken cancellationToken)
    {
        DocumentExporters.Get(choices.Format).Write(document, Console.Out, choices.Export);
        await Console.Out.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Converts one file and writes it to <paramref name="target"/>, or stdout; returns its page count and null on
    /// success, else the one-line reason. With <paramref name="holdStdout"/>, a document for stdout is returned instead.
    /// </summary>
    private static async Task<(int Pages, string? Error, DocumentModel? Held)> ConvertOneAsync(DocumentConverter converter, LlmFieldClient? llm, string file, ConversionChoices choices,
        string? target, bool holdStdout, FileProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            if (!File.Exists(file)) return (0, "no such file", null);
            if (FileKinds.FromFileName(file) == FileKind.Unknown)
            {
                return (0, $"{ErrorCode.InvalidFileType.Name}: files like this are not accepted", null);
            }
            var reporter = new Reporter<ConversionProgress>(p => progress.Report(ProgressSnapshot.OfPages(p.Stage, p.PagesDone, p.PagesTotal)));
            var document = await converter.ConvertFileAsync(file, choices.Conversion, reporter, llm, cancellationToken);
            // Written as it is exported, never held whole: a 200,000-row sheet is tens of MB of text.
            if (target is null)
            {
                if (holdStdout) return (document.Pages.Count, null, document);
                await WriteToStdoutAsync(document, choices, cancellationToken);
                return (document.Pages.Count, null, null);
            }
            await using (var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
            {
                DocumentExporters.Get(choices.Format).Write(document, writer, choices.Export);
            }
            if (choices.Export.Images == ImageMode.Files) await WriteImagesAsync(document, Path.GetDirectoryName(Path.GetFullPath(target))!, cancellationToken);
            return (document.Pages.Count, null, null);
        }
        catch (DocStrangeException ex)
        {
            return (0, $"{ex.Code.Name}: {ex.Message}", null);
        }
        catch (IOException ex)
        {
            return (0, $"{ServiceErrors.StorageError.Name}: {ex.Message}", null);
        }
        catch (UnauthorizedAccessException ex)
        {
            return (0, $"{ServiceErrors.StorageError.Name}: {ex.Message}", null);
        }
    }
}
