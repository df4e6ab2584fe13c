using System.Globalization;
using System.Net.Http.Headers;

namespace DocStrange.Client;

/// <summary>Builds the <c>multipart/form-data</c> body of <c>POST /documents</c>.</summary>
internal static class SubmitForm
{
    /// <summary>The file part streamed from <paramref name="content"/>, then each option that is set.</summary>
    public static MultipartFormDataContent Create(Stream content, string fileName, SubmitOptions? options)
    {
        var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (options is null) return form;
        if (options.OutputFormats is { Count: > 0 } formats) Add(form, "output_format", string.Join(",", formats));
        Add(form, "pages", options.Pages);
        Add(form, "ocr", options.Ocr);
        Add(form, "ocr_engine", options.OcrEngine);
        Add(form, "languages", options.Languages);
        Add(form, "processing_mode", options.ProcessingMode);
        Add(form, "priority", options.Priority);
        Add(form, "password", options.Password);
        if (options.IncludeNotes is { } notes) Add(form, "include_notes", notes ? "true" : "false");
        Add(form, "table_spans", options.TableSpans);
        if (options.PageBreaks is { } breaks) Add(form, "page_breaks", breaks ? "true" : "false");
        Add(form, "images", options.Images);
        Add(form, "chunk_tokens", options.ChunkTokens?.ToString(CultureInfo.InvariantCulture));
        Add(form, "chunk_overlap", options.ChunkOverlap?.ToString(CultureInfo.InvariantCulture));
        Add(form, "webhook_url", options.WebhookUrl);
        if (options.ExtractFields is { Count: > 0 } listed) Add(form, "extract_fields", string.Join(",", listed));
        Add(form, "json_schema", options.JsonSchema);
        Add(form, "extract_mode", options.ExtractMode);
        return form;
    }

    /// <summary>A batch: one <c>file</c> part per stream, then each option that is set.</summary>
    public static MultipartFormDataContent Create(IEnumerable<(Stream Content, string FileName)> files, SubmitOptions? options)
    {
        var form = new MultipartFormDataContent();
        foreach (var (content, fileName) in files)
        {
            var file = new StreamContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
        }
        foreach (var (name, value) in Fields(options)) form.Add(new StringContent(value), name);
        return form;
    }

    /// <summary>The options that are set, by their field names (the JSON body of from-url and of completing an upload).</summary>
    public static Dictionary<string, string> Fields(SubmitOptions? options)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options is null) return fields;
        if (options.OutputFormats is { Count: > 0 } formats) fields["output_format"] = string.Join(",", formats);
        if (options.ExtractFields is { Count: > 0 } listed) fields["extract_fields"] = string.Join(",", listed);
        if (options.PageBreaks is { } breaks) fields["page_breaks"] = breaks ? "true" : "false";
        (string, string?)[] all =
        [
            ("pages", options.Pages), ("ocr", options.Ocr), ("ocr_engine", options.OcrEngine), ("languages", options.Languages), ("processing_mode", options.ProcessingMode),
            ("priority", options.Priority), ("password", options.Password), ("table_spans", options.TableSpans), ("images", options.Images), ("webhook_url", options.WebhookUrl),
            ("json_schema", options.JsonSchema), ("extract_mode", options.ExtractMode), ("chunk_tokens", options.ChunkTokens?.ToString(CultureInfo.InvariantCulture)),
            ("chunk_overlap", options.ChunkOverlap?.ToString(CultureInfo.InvariantCulture)),
        ];
        foreach (var (name, value) in all) if (!string.IsNullOrEmpty(value)) fields[name] = value;
        return fields;
    }

    private static void Add(MultipartFormDataContent form, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) form.Add(new StringContent(value), name);
    }
}
