using System.CommandLine;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Extraction;

namespace DocStrange.Cli.Commands;

/// <summary>
/// The conversion options that <c>convert</c> and <c>submit</c> share, defined once so that both take the
/// same flags with the same meaning and the same checks.
/// </summary>
internal sealed class ConversionOptionSet
{
    public Option<string?> Format { get; } = new("--format", "-f")
    {
        Description = "markdown (the default), json, html, csv, text, chunks or fields (the default with --fields or --schema).",
    };

    public Option<string?> Pages { get; } = new("--pages") { Description = "Pages to convert, e.g. 1-3,7." };

    public Option<string?> Password { get; } = new("--password") { Description = "The password of a protected PDF." };

    public Option<bool> IncludeNotes { get; } = new("--include-notes") { Description = "Convert presentation speaker notes too." };

    public Option<string> Ocr { get; } = new("--ocr")
    {
        Description = "auto (pages without a usable text layer), always or never.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> OcrEngine { get; } = new("--ocr-engine")
    {
        Description = "auto (Tesseract, and PaddleOCR on pages Tesseract reads with low confidence), tesseract or paddle.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string?> Languages { get; } = new("--languages") { Description = "OCR languages as Tesseract names them, e.g. eng,deu (default eng)." };

    public Option<string> TableSpans { get; } = new("--table-spans")
    {
        Description = "How Markdown writes a table cell spanning several rows or columns: once (its text at the first position) or repeat (at every position).",
        DefaultValueFactory = _ => "once",
    };

    public Option<string> Images { get; } = new("--images")
    {
        Description = "How pictures are written: none, placeholder (<!-- image -->), embedded (data URIs) or files (images/<page>-<n>.<ext> next to the output, which links to them; needs --output or -o).",
        DefaultValueFactory = _ => "placeholder",
    };

    public Option<bool> PageBreaks { get; } = new("--page-breaks") { Description = "Mark where each page starts: <!-- page N --> in Markdown, --- page N --- in text, <hr class=\"page-break\"> in HTML." };

    public Option<int> ChunkTokens { get; } = new("--chunk-tokens")
    {
        Description = $"For --format chunks: the most tokens (cl100k_base) in one chunk, {ChunkLimits.MinTokens} to {ChunkLimits.MaxTokens}.",
        DefaultValueFactory = _ => ExportOptions.DefaultChunkTokens,
    };

    public Option<int> ChunkOverlap { get; } = new("--chunk-overlap") { Description = "For --format chunks: how many tokens of a chunk's end the next one repeats (less than half of --chunk-tokens)." };

    public Option<string?> Fields { get; } = new("--fields") { Description = "Fields to extract, e.g. invoice_number,date,total:currency (types: string, number, integer, date, currency, boolean)." };

    public Option<string?> Schema { get; } = new("--schema") { Description = "A JSON Schema file whose object to fill from the document." };

    public Option<string> ExtractMode { get; } = new("--extract-mode")
    {
        Description = "Which engine fills --fields or --schema: auto (the rules, then the LLM for what they left null, when one is configured), rules or llm.",
        DefaultValueFactory = _ => "auto",
    };

    public void AddTo(Command command)
    {
        Option[] all = [Format, Pages, Password, IncludeNotes, Ocr, OcrEngine, Languages, TableSpans, Images, PageBreaks, ChunkTokens, ChunkOverlap, Fields, Schema, ExtractMode];
        foreach (var option in all) command.Options.Add(option);
    }

    /// <summary>The checked choices, or null with <paramref name="problem"/> saying what is wrong (a usage error).</summary>
    public ConversionChoices? Read(ParseResult parse, out string? problem)
    {
        problem = null;
        try
        {
            return ReadOrThrow(parse);
        }
        catch (UsageException ex)
        {
            problem = ex.Message;
        }
        catch (Exception ex) when (ex is DocStrangeException or IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
        }
        return null;
    }

    private ConversionChoices ReadOrThrow(ParseResult parse)
    {
        var fieldList = parse.GetValue(Fields);
        var schemaFile = parse.GetValue(Schema);
        var fields = FieldsOption.Read(fieldList, schemaFile);
        var formatName = parse.GetValue(Format) ?? (fields is null ? "markdown" : "fields");
        var ocrName = parse.GetValue(Ocr)!;
        if (!Enum.TryParse<OcrMode>(ocrName, ignoreCase: true, out var ocr) || !Enum.IsDefined(ocr) || int.TryParse(ocrName, out _))
        {
            throw new UsageException($"--ocr must be auto, always or never, not \"{ocrName}\"");
        }
        var engineName = parse.GetValue(OcrEngine)!;
        if (!Enum.TryParse<OcrEngineChoice>(engineName, ignoreCase: true, out var engine) || !Enum.IsDefined(engine) || int.TryParse(engineName, out _))
        {
            throw new UsageException($"--ocr-engine must be auto, tesseract or paddle, not \"{engineName}\"");
        }
        var spansName = parse.GetValue(TableSpans)!;
        if (!Enum.TryParse<TableSpans>(spansName, ignoreCase: true, out var spans) || !Enum.IsDefined(spans) || int.TryParse(spansName, out _))
        {
            throw new UsageException($"--table-spans must be once or repeat, not \"{spansName}\"");
        }
        var imagesName = parse.GetValue(Images)!;
        if (!Enum.TryParse<ImageMode>(imagesName, ignoreCase: true, out var images) || !Enum.IsDefined(images) || int.TryParse(imagesName, out _))
        {
            throw new UsageException($"--images must be none, placeholder, embedded or files, not \"{imagesName}\"");
        }
        var modeName = parse.GetValue(ExtractMode)!;
        if (!Enum.TryParse<ExtractMode>(modeName, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(modeName, out _))
        {
            throw new UsageException($"--extract-mode must be auto, rules or llm, not \"{modeName}\"");
        }
        if (!OutputFormats.TryParse(formatName, out var format))
        {
            throw new UsageException($"--format must be markdown, json, html, csv, text, chunks or fields, not \"{formatName}\"");
        }
        var export = new ExportOptions
        {
            PageBreaks = parse.GetValue(PageBreaks), ChunkTokens = parse.GetValue(ChunkTokens), ChunkOverlap = parse.GetValue(ChunkOverlap), TableSpans = spans,
            Images = images,
        };
        if (ChunkLimits.Problem(export.ChunkTokens, export.ChunkOverlap) is { } chunkProblem)
        {
            throw new UsageException($"--{chunkProblem.Field.Replace('_', '-')} {chunkProblem.Message}");
        }
        if (format == OutputFormat.Fields && fields is null) throw new UsageException("--format fields needs --fields or --schema");
        var languages = parse.GetValue(Languages);
        var conversion = new ConversionOptions
        {
            Pages = PageSelection.Parse(parse.GetValue(Pages)),
            Password = parse.GetValue(Password),
            IncludeNotes = parse.GetValue(IncludeNotes),
            Ocr = ocr,
            OcrEngine = engine,
            Languages = string.IsNullOrWhiteSpace(languages) ? ["eng"] : languages.Split([',', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Fields = fields,
            ExtractMode = mode,
            Images = images,
        };
        return new ConversionChoices
        {
            Format = format, Conversion = conversion, Export = export, FieldList = fieldList,
            SchemaText = schemaFile is null ? null : File.ReadAllText(schemaFile),
        };
    }

    /// <summary>A bad option value, said in one line.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
