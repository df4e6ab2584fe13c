using System.CommandLine;
using System.Text;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs.Errors;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange convert FILE... [--format F] [--output DIR | -o FILE]</c>: converts files locally, no
/// server. One file without an output option goes to stdout; with <c>--output DIR</c> each input
/// becomes <c>DIR/&lt;input name&gt;.&lt;ext&gt;</c>. A failed input is reported on one line and the
/// others still convert; the exit code says whether all succeeded.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The documents to convert." };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "markdown (the default), json, html, csv, text, chunks or fields (the default with --fields or --schema).",
        };
        var outputDir = new Option<string?>("--output") { Description = "Write DIR/<input file name>.<ext> for each input." };
        var outputFile = new Option<string?>("-o") { Description = "Write the one input's result to FILE." };
        var pages = new Option<string?>("--pages") { Description = "Pages to convert, e.g. 1-3,7." };
        var password = new Option<string?>("--password") { Description = "The password of a protected PDF." };
        var includeNotes = new Option<bool>("--include-notes") { Description = "Convert presentation speaker notes too." };
        var ocr = new Option<string>("--ocr")
        {
            Description = "auto (pages without a usable text layer), always or never.",
            DefaultValueFactory = _ => "auto",
        };
        var languages = new Option<string?>("--languages") { Description = "OCR languages as Tesseract names them, e.g. eng,deu (default eng)." };
        var tableSpans = new Option<string>("--table-spans")
        {
            Description = "How Markdown writes a table cell spanning several rows or columns: once (its text at the first position) or repeat (at every position).",
            DefaultValueFactory = _ => "once",
        };

        var images = new Option<string>("--images")
        {
            Description = "How pictures are written: none, placeholder (<!-- image -->), embedded (data URIs) or files (images/<page>-<n>.<ext> next to the output, which links to them; needs --output or -o).",
            DefaultValueFactory = _ => "placeholder",
        };
        var pageBreaks = new Option<bool>("--page-breaks") { Description = "Mark where each page starts: <!-- page N --> in Markdown, --- page N --- in text, <hr class=\"page-break\"> in HTML." };
        var chunkTokens = new Option<int>("--chunk-tokens")
        {
            Description = $"For --format chunks: the most tokens (cl100k_base) in one chunk, {ChunkLimits.MinTokens} to {ChunkLimits.MaxTokens}.",
            DefaultValueFactory = _ => ExportOptions.DefaultChunkTokens,
        };
        var chunkOverlap = new Option<int>("--chunk-overlap") { Description = "For --format chunks: how many tokens of a chunk's end the next one repeats (less than half of --chunk-tokens)." };

        var fields = new Option<string?>("--fields") { Description = "Fields to extract, e.g. invoice_number,date,total:currency (types: string, number, integer, date, currency, boolean)." };
        var schema = new Option<string?>("--schema") { Description = "A JSON Schema file whose object to fill from the document." };

        var command = new Command("convert", "Convert documents locally (no server).") { files, format, outputDir, outputFile, pages, password, includeNotes, ocr, languages, tableSpans, images, pageBreaks, chunkTokens, chunkOverlap, fields, schema };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(files)!, parse.GetValue(format), parse.GetValue(outputDir), parse.GetValue(outputFile),
            parse.GetValue(pages), parse.GetValue(password), parse.GetValue(includeNotes), parse.GetValue(ocr)!, parse.GetValue(languages), parse.GetValue(tableSpans)!,
            parse.GetValue(images)!, new ExportOptions { PageBreaks = parse.GetValue(pageBreaks), ChunkTokens = parse.GetValue(chunkTokens), ChunkOverlap = parse.GetValue(chunkOverlap) }, parse.GetValue(fields), parse.GetValue(schema), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, string? formatName, string? outputDir, string? outputFile,
        string? pages, string? password, bool includeNotes, string ocrName, string? languages, string spansName,
        string imagesName, ExportOptions export, string? fieldList, string? schemaFile, CancellationToken cancellationToken)
    {
        FieldRequest? fields;
        try
        {
            fields = FieldsOption.Read(fieldList, schemaFile);
        }
        catch (Exception ex) when (ex is DocStrangeException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"docstrange: {ex.Message}");
            return 2;
        }
        formatName ??= fields is null ? "markdown" : "fields";
        if (!Enum.TryParse<OcrMode>(ocrName, ignoreCase: true, out var ocr) || !Enum.IsDefined(ocr) || int.TryParse(ocrName, out _))
        {
            await Console.Error.WriteLineAsync($"docstrange: --ocr must be auto, always or never, not \"{ocrName}\"");
            return 2;
        }
        if (!Enum.TryParse<TableSpans>(spansName, ignoreCase: true, out var spans) || !Enum.IsDefined(spans) || int.TryParse(spansName, out _))
        {
            await Console.Error.WriteLineAsync($"docstrange: --table-spans must be once or repeat, not \"{spansName}\"");
            return 2;
        }
        if (!Enum.TryParse<ImageMode>(imagesName, ignoreCase: true, out var images) || !Enum.IsDefined(images) || int.TryParse(imagesName, out _))
        {
            await Console.Error.WriteLineAsync($"docstrange: --images must be none, placeholder, embedded or files, not \"{imagesName}\"");
            return 2;
        }
        // Image files are named by page and number, so two inputs' images would take each other's names.
        if (images == ImageMode.Files && (files.Length != 1 || outputDir is null && outputFile is null))
        {
            await Console.Error.WriteLineAsync("docstrange: --images files takes one input and --output DIR or -o FILE, next to which it writes images/");
            return 2;
        }
        if (!OutputFormats.TryParse(formatName, out var format))
        {
            await Console.Error.WriteLineAsync($"docstrange: --format must be markdown, json, html, csv, text, chunks or fields, not \"{formatName}\"");
            return 2;
        }
        if (ChunkLimits.Problem(export.ChunkTokens, export.ChunkOverlap) is { } chunkProblem)
        {
            await Console.Error.WriteLineAsync($"docstrange: --{chunkProblem.Field.Replace('_', '-')} {chunkProblem.Message}");
            return 2;
        }
        if (format == OutputFormat.Fields && fields is null)
        {
            await Console.Error.WriteLineAsync("docstrange: --format fields needs --fields or --schema");
            return 2;
        }
        if (outputDir is not null && outputFile is not null || outputFile is not null && files.Length > 1)
        {
            await Console.Error.WriteLineAsync("docstrange: use -o FILE with one input, or --output DIR with any number");
            return 2;
        }
        ConversionOptions options;
        try
        {
            options = new ConversionOptions
            {
                Pages = PageSelection.Parse(pages),
                Password = password,
                IncludeNotes = includeNotes,
                Ocr = ocr,
                Languages = string.IsNullOrWhiteSpace(languages) ? ["eng"] : languages.Split([',', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Fields = fields,
                Images = images,
            };
        }
        catch (DocStrangeException ex)
        {
            await Console.Error.WriteLineAsync($"docstrange: {ex.Message}");
            return 2;
        }
        if (outputDir is not null) Directory.CreateDirectory(outputDir);

        var converter = DocumentConverter.CreateDefault();
        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = outputDir is null ? 1 : Environment.ProcessorCount, CancellationToken = cancellationToken };
        // Into a folder, the largest files start first, so no large one is left running alone at the end.
        var queue = outputDir is null ? files : files.OrderByDescending(f => File.Exists(f) ? new FileInfo(f).Length : 0).ToArray();
        await Parallel.ForEachAsync(queue, parallel, async (file, ct) =>
        {
            var error = await ConvertOneAsync(converter, file, format, options, export with { TableSpans = spans, Images = images }, outputDir, outputFile, ct);
            if (error is null) return;
            Interlocked.Increment(ref failures);
            await Console.Error.WriteLineAsync($"docstrange: {file}: {error}");
        });
        return failures == 0 ? 0 : 1;
    }

    // The files the output's image links point to, in images/ next to it.
    private static async Task WriteImagesAsync(Document.Model.DocumentModel document, string folder, CancellationToken cancellationToken)
    {
        var images = Path.Combine(folder, PictureFiles.Folder);
        foreach (var (name, image) in PictureFiles.Of(document))
        {
            Directory.CreateDirectory(images);
            await File.WriteAllBytesAsync(Path.Combine(images, name), image.Bytes, cancellationToken);
        }
    }

    /// <summary>Converts one file; returns null on success, else the one-line reason.</summary>
    private static async Task<string?> ConvertOneAsync(DocumentConverter converter, string file, OutputFormat format,
        ConversionOptions options, ExportOptions exportOptions, string? outputDir, string? outputFile, CancellationToken cancellationToken)
    {
        try
        {
            if (!File.Exists(file)) return "no such file";
            if (FileKinds.FromFileName(file) == FileKind.Unknown)
            {
                return $"{ErrorCode.InvalidFileType.Name}: files like this are not accepted";
            }
            var document = await converter.ConvertFileAsync(file, options, cancellationToken: cancellationToken);
            var target = outputFile ?? (outputDir is null ? null : Path.Combine(outputDir, $"{Path.GetFileName(file)}.{OutputFormats.ExtensionOf(format)}"));
            // Written as it is exported, never held whole: a 200,000-row sheet is tens of MB of text.
            var exporter = DocumentExporters.Get(format);
            if (target is null)
            {
                exporter.Write(document, Console.Out, exportOptions);
                await Console.Out.FlushAsync(cancellationToken);
            }
            else
            {
                await using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                exporter.Write(document, writer, exportOptions);
                if (exportOptions.Images == ImageMode.Files) await WriteImagesAsync(document, Path.GetDirectoryName(Path.GetFullPath(target))!, cancellationToken);
            }
            return null;
        }
        catch (DocStrangeException ex)
        {
            return $"{ex.Code.Name}: {ex.Message}";
        }
        catch (IOException ex)
        {
            return $"{ServiceErrors.StorageError.Name}: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"{ServiceErrors.StorageError.Name}: {ex.Message}";
        }
    }
}
