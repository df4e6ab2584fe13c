using DocStrange.Cli.Commands;
using DocStrange.Client;
using DocStrange.Document.Conversion;
using DocStrange.Document.Export;

namespace DocStrange.Cli.Remote;

/// <summary>The submission that asks a server for what <c>convert</c> would do locally with the same options.</summary>
internal static class SubmitOptionsOf
{
    public static SubmitOptions From(ConversionChoices choices, string? priority)
    {
        var conversion = choices.Conversion;
        var export = choices.Export;
        var chunks = choices.Format == OutputFormat.Chunks;
        // Only what differs from the server's defaults is sent, as a hand-written request would.
        return new SubmitOptions
        {
            OutputFormats = [OutputFormats.NameOf(choices.Format)],
            Pages = conversion.Pages.Text is { Length: > 0 } pages ? pages : null,
            Ocr = conversion.Ocr.ToString().ToLowerInvariant(),
            OcrEngine = conversion.OcrEngine == OcrEngineChoice.Auto ? null : conversion.OcrEngine.ToString().ToLowerInvariant(),
            Languages = conversion.Languages is ["eng"] ? null : string.Join(",", conversion.Languages),
            Password = conversion.Password,
            IncludeNotes = conversion.IncludeNotes ? true : null,
            TableSpans = export.TableSpans.ToString().ToLowerInvariant(),
            Images = export.Images == ImageMode.Placeholder ? null : export.Images.ToString().ToLowerInvariant(),
            PageBreaks = export.PageBreaks ? true : null,
            ChunkTokens = chunks ? export.ChunkTokens : null,
            ChunkOverlap = chunks && export.ChunkOverlap > 0 ? export.ChunkOverlap : null,
            ExtractFields = choices.FieldList is { } list ? [list] : null,
            JsonSchema = choices.SchemaText,
            ExtractMode = conversion.ExtractMode == ExtractMode.Auto ? null : conversion.ExtractMode.ToString().ToLowerInvariant(),
            Priority = priority,
        };
    }
}
