using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs.Model;

namespace DocStrange.Worker.Sandbox;

/// <summary>
/// What the worker and its conversion child say to each other. The worker starts
/// <c>docstrange sandbox-convert</c> ahead of the job; for the job it writes <c>request.json</c> and the
/// input into a private folder and sends the child that request's path as a line on standard input; the child
/// writes progress lines on standard output (the exporting stage too), then <c>result.EXT</c> per format and <c>summary.json</c>
/// (exit 0), or <c>error.json</c> (exit <see cref="ConversionFailed"/>). Standard input stays open while
/// the worker lives: the child ends itself when it closes.
/// </summary>
internal static class SandboxProtocol
{
    /// <summary>The child converted and wrote every result and the summary.</summary>
    public const int Converted = 0;

    /// <summary>The conversion failed with a DocStrange error, written to <c>error.json</c>.</summary>
    public const int ConversionFailed = 10;

    /// <summary>The child ran out of its .NET heap (<c>DOTNET_GCHeapHardLimit</c>).</summary>
    public const int OutOfMemory = 11;

    /// <summary>The worker went away (standard input closed); the child stopped.</summary>
    public const int WorkerGone = 12;

    /// <summary>Anything else that failed in the child; its text is on standard error.</summary>
    public const int Unexpected = 13;

    public const string RequestFile = "request.json";
    public const string InputFile = "input";
    public const string SummaryFile = "summary.json";
    public const string ErrorFile = "error.json";

    /// <summary>
    /// The line the child writes when its LLM stage needs an answer, having written <see cref="LlmQuestionFile"/>;
    /// the worker asks the LLM, writes <see cref="LlmAnswerFile"/> and sends the same line back on standard input.
    /// </summary>
    public const string LlmLine = "llm";

    public const string LlmQuestionFile = "llm-question.json";
    public const string LlmAnswerFile = "llm-answer.json";

    /// <summary>The folder, in the job's folder, of the image files of <c>images=files</c>.</summary>
    public const string ImagesFolder = "images";

    /// <summary>Where the result of one format is written.</summary>
    public static string ResultFile(OutputFormat format) => "result." + OutputFormats.ExtensionOf(format);

    /// <summary>The name of the output of one format for one page.</summary>
    public static string PageFile(OutputFormat format, int page) => $"page-{page.ToString(CultureInfo.InvariantCulture)}.{OutputFormats.ExtensionOf(format)}";

    /// <summary>snake_case members, enums by name: the same shape the job table stores.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>A progress line: <c>progress STAGE DONE TOTAL</c> (<c>-</c> when the total is unknown).</summary>
    public static string ProgressLine(string stage, int done, int? total) =>
        string.Create(CultureInfo.InvariantCulture, $"progress {stage} {done} {(total is { } t ? t.ToString(CultureInfo.InvariantCulture) : "-")}");

    /// <summary>Reads a progress line of the child's standard output; null for anything else.</summary>
    public static (string Stage, int Done, int? Total)? ParseLine(string line)
    {
        var parts = line.Split(' ');
        if (parts is ["progress", var stage, var done, var total] && int.TryParse(done, CultureInfo.InvariantCulture, out var d))
        {
            return (stage, d, int.TryParse(total, CultureInfo.InvariantCulture, out var t) ? t : null);
        }
        return null;
    }
}

/// <summary>One conversion as the child receives it.</summary>
internal sealed record SandboxRequest
{
    public required string FileName { get; init; }
    public required FileKind Kind { get; init; }
    public string Pages { get; init; } = "";
    public string? Password { get; init; }
    public OcrMode Ocr { get; init; } = OcrMode.Auto;
    public OcrEngineChoice OcrEngine { get; init; } = OcrEngineChoice.Auto;
    public IReadOnlyList<string> Languages { get; init; } = ["eng"];
    public bool IncludeNotes { get; init; }
    public int? MaxPages { get; init; }
    public TimeSpan PageTimeout { get; init; }
    public IReadOnlyList<OutputFormat> Formats { get; init; } = [OutputFormat.Markdown];
    public TableSpans TableSpans { get; init; } = TableSpans.Once;
    public bool PageBreaks { get; init; }
    public ImageMode Images { get; init; } = ImageMode.Placeholder;
    public int MaxImages { get; init; } = ImageLimits.Default.MaxImages;
    public long MaxImageBytes { get; init; } = ImageLimits.Default.MaxBytes;
    public int ChunkTokens { get; init; } = ExportOptions.DefaultChunkTokens;
    public int ChunkOverlap { get; init; }
    public IReadOnlyList<string> ExtractFields { get; init; } = [];
    public string? JsonSchema { get; init; }
    public ExtractMode ExtractMode { get; init; } = ExtractMode.Auto;

    /// <summary>Whether the worker has an LLM to ask (<see cref="SandboxProtocol.LlmLine"/>).</summary>
    public bool Llm { get; init; }
}

/// <summary>What the worker needs of a converted document to complete the job: page counts and warnings.</summary>
internal sealed record SandboxSummary
{
    public int PagesProcessed { get; init; }
    public int PageCount { get; init; }
    public int OcrPages { get; init; }
    public int LayoutFallbackPages { get; init; }
    public IReadOnlyList<JobWarning> Warnings { get; init; } = [];
}

/// <summary>A DocStrange error as the child reports it.</summary>
internal sealed record SandboxError
{
    public required string Code { get; init; }
    public required string Message { get; init; }
    public Dictionary<string, JsonElement>? Details { get; init; }
}
