using System.Security.Cryptography;
using System.Text;
using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;

namespace DocStrange.Jobs;

/// <summary>
/// The identity of what a job asks for: the file's SHA-256 and the options that change the result
/// (formats as a set, pages, OCR mode, languages, a hash of the password, speaker notes when asked for, a
/// tier's page limit). Equal hashes mean equal results, which is what the result cache looks up.
/// </summary>
public static class RequestHashes
{
    /// <summary>The lower-case hex SHA-256 of the canonical request.</summary>
    public static string Of(JobInput input, JobOptions options)
    {
        var fields = new List<string>
        {
            "v1",
            input.Sha256,
            FileKinds.NameOf(input.Kind),
            string.Join(',', options.Formats.Select(OutputFormats.NameOf).Order(StringComparer.Ordinal)),
            options.Pages,
            options.Ocr.ToString().ToLowerInvariant(),
            string.Join(',', options.Languages.Order(StringComparer.Ordinal)),
            options.Password is { } password ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password))) : "",
        };
        // Added only when set, so the hashes of requests without them stay what they were before the options existed.
        if (options.IncludeNotes) fields.Add("include_notes");
        if (options.ExtractFields.Count > 0) fields.Add("extract_fields=" + string.Join(',', options.ExtractFields));
        if (options.JsonSchema is { } schema) fields.Add("json_schema=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema))));
        if (options.PageBreaks) fields.Add("page_breaks");
        if (options.Images != ImageMode.Placeholder) fields.Add("images=" + options.Images.ToString().ToLowerInvariant());
        if (options.ChunkTokens != ExportOptions.DefaultChunkTokens) fields.Add("chunk_tokens=" + options.ChunkTokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (options.ChunkOverlap != 0) fields.Add("chunk_overlap=" + options.ChunkOverlap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (options.OcrEngine != OcrEngineChoice.Auto) fields.Add("ocr_engine=" + options.OcrEngine.ToString().ToLowerInvariant());
        if (options.ExtractMode != ExtractMode.Auto) fields.Add("extract_mode=" + options.ExtractMode.ToString().ToLowerInvariant());
        if (options.TableSpans != TableSpans.Once) fields.Add("table_spans=" + options.TableSpans.ToString().ToLowerInvariant());
        // A tier's page limit changes the outcome (a longer document fails), so a cached result made
        // without it must not serve a caller who has it.
        if (options is { MaxPagesIsTiers: true, MaxPages: { } maxPages }) fields.Add("max_pages=" + maxPages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var canonical = string.Join('\n', fields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Whether two submissions are the same request (for an idempotency key): same result asked, same name, same routing.</summary>
    public static bool SameRequest(Job a, Job b) =>
        a.RequestHash == b.RequestHash
        && a.Input.FileName == b.Input.FileName
        && a.Options.Formats.SequenceEqual(b.Options.Formats)
        && a.Options.Priority == b.Options.Priority
        && a.Options.ProcessingMode == b.Options.ProcessingMode;
}
