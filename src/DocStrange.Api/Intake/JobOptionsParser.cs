using System.Text.RegularExpressions;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Api.Intake;

/// <summary>
/// Turns the form fields of a submission into <see cref="JobOptions"/>, refusing unknown fields and
/// bad values with <c>INVALID_REQUEST</c> naming the field (a misspelt option is an error, not a default).
/// </summary>
internal static partial class JobOptionsParser
{
    private static readonly string[] Known = ["output_format", "processing_mode", "pages", "ocr", "ocr_engine", "languages", "priority", "password", "include_notes", "table_spans", "page_breaks", "images", "chunk_tokens", "chunk_overlap", "webhook_url", "extract_fields", "json_schema", "extract_mode"];

    public static JobOptions Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        foreach (var name in fields.Keys)
        {
            if (!Known.Contains(name))
            {
                throw Invalid(name, $"Unknown field '{name}'. Known fields: file, {string.Join(", ", Known)}.");
            }
        }

        var formats = OutputFormats.ParseList(Joined(fields, "output_format"));
        var (chunkTokens, chunkOverlap) = ChunkOptions(fields);
        var (extractFields, schema) = FieldOptionsParser.Parse(fields.GetValueOrDefault("extract_fields"), Single(fields, "json_schema"), formats);
        return new JobOptions
        {
            Formats = formats,
            ExtractFields = extractFields,
            JsonSchema = schema,
            ExtractMode = Enum<ExtractMode>(fields, "extract_mode", ExtractMode.Auto),
            ProcessingMode = Enum<ProcessingMode>(fields, "processing_mode", ProcessingMode.Auto),
            Pages = PageSelection.Parse(Single(fields, "pages")).Text,
            Ocr = Enum<OcrMode>(fields, "ocr", OcrMode.Auto),
            OcrEngine = Enum<OcrEngineChoice>(fields, "ocr_engine", OcrEngineChoice.Auto),
            Languages = Languages(Joined(fields, "languages")),
            Priority = Enum<JobPriority>(fields, "priority", JobPriority.Normal),
            Password = Single(fields, "password") is { Length: > 0 } password ? password : null,
            IncludeNotes = Boolean(fields, "include_notes"),
            TableSpans = Enum<TableSpans>(fields, "table_spans", TableSpans.Once),
            PageBreaks = Boolean(fields, "page_breaks"),
            Images = Enum<ImageMode>(fields, "images", ImageMode.Placeholder),
            ChunkTokens = chunkTokens,
            ChunkOverlap = chunkOverlap,
            WebhookUrl = WebhookUrl(Single(fields, "webhook_url")),
        };
    }

    private static bool Boolean(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string name)
    {
        var text = Single(fields, name)?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Invalid(name, $"'{name}' must be true or false; \"{text}\" is not one."),
        };
    }

    private static (int Tokens, int Overlap) ChunkOptions(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        var tokens = WholeNumber(fields, "chunk_tokens") ?? ExportOptions.DefaultChunkTokens;
        var overlap = WholeNumber(fields, "chunk_overlap") ?? 0;
        if (ChunkLimits.Problem(tokens, overlap) is { } problem) throw Invalid(problem.Field, $"'{problem.Field}' {problem.Message}");
        return (tokens, overlap);
    }

    private static int? WholeNumber(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string name)
    {
        var text = Single(fields, name)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, $"'{name}' must be a whole number; \"{text}\" is not one.");
    }

    /// <summary>The URL's form is checked here; where it points is checked by <see cref="WebhookUrlCheck"/>.</summary>
    private static string? WebhookUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return WebhookTargets.Parse(text.Trim(), out var problem)?.AbsoluteUri ?? throw Invalid("webhook_url", problem!);
    }

    private static IReadOnlyList<string> Languages(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ["eng"];
        var languages = text.Split([',', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var language in languages)
        {
            if (!LanguagePattern().IsMatch(language))
            {
                throw Invalid("languages", $"'languages' takes Tesseract language names such as eng or deu; \"{language}\" is not one.");
            }
        }
        return languages.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static T Enum<T>(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string name, T fallback) where T : struct, Enum
    {
        var text = Single(fields, name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var choices = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        if (choices.Contains(text.Trim().ToLowerInvariant()) && System.Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value)) return value;
        throw Invalid(name, $"'{name}' must be one of {string.Join(", ", choices)}; \"{text}\" is not one.");
    }

    private static string? Single(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string name)
    {
        if (!fields.TryGetValue(name, out var values)) return null;
        return values.Count switch
        {
            1 => values[0],
            // A JSON body's empty array is the field given no times at all.
            0 => throw Invalid(name, $"'{name}' was given without a value; give it once."),
            _ => throw Invalid(name, $"'{name}' was given {values.Count} times; give it once."),
        };
    }

    private static string? Joined(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string name) =>
        fields.TryGetValue(name, out var values) ? string.Join(',', values) : null;

    private static DocStrangeException Invalid(string field, string message) =>
        new(ErrorCode.InvalidRequest, message, new Dictionary<string, object?> { ["field"] = field });

    [GeneratedRegex("^[a-z]{3}(_[a-z]+)*$")]
    private static partial Regex LanguagePattern();
}
