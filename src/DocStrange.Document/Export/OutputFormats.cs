using DocStrange.Document.Errors;

namespace DocStrange.Document.Export;

/// <summary>Wire names, file extensions and media types of the output formats.</summary>
public static class OutputFormats
{
    /// <summary>The lower-case wire name, e.g. <c>markdown</c>.</summary>
    public static string NameOf(OutputFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The file extension without a dot, e.g. <c>md</c>.</summary>
    public static string ExtensionOf(OutputFormat format) => format switch
    {
        OutputFormat.Markdown => "md",
        OutputFormat.Json => "json",
        OutputFormat.Html => "html",
        OutputFormat.Csv => "csv",
        // Not "json": a job's results are stored by extension, and the json output has it.
        OutputFormat.Fields => "fields.json",
        OutputFormat.Chunks => "chunks.json",
        _ => "txt",
    };

    /// <summary>The media type with its charset, for downloads.</summary>
    public static string MediaTypeOf(OutputFormat format) => format switch
    {
        OutputFormat.Markdown => "text/markdown; charset=utf-8",
        OutputFormat.Json or OutputFormat.Fields or OutputFormat.Chunks => "application/json; charset=utf-8",
        OutputFormat.Html => "text/html; charset=utf-8",
        OutputFormat.Csv => "text/csv; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>Parses a wire name (also <c>md</c> and <c>txt</c>).</summary>
    public static bool TryParse(string? name, out OutputFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "markdown" or "md": format = OutputFormat.Markdown; return true;
            case "json": format = OutputFormat.Json; return true;
            case "html": format = OutputFormat.Html; return true;
            case "csv": format = OutputFormat.Csv; return true;
            case "text" or "txt": format = OutputFormat.Text; return true;
            case "fields": format = OutputFormat.Fields; return true;
            case "chunks": format = OutputFormat.Chunks; return true;
            default: format = default; return false;
        }
    }

    /// <summary>Parses one name or a comma list, keeping order and dropping repeats; throws <see cref="ErrorCode.InvalidRequest"/> on an unknown name.</summary>
    public static IReadOnlyList<OutputFormat> ParseList(string? names, string field = "output_format")
    {
        if (string.IsNullOrWhiteSpace(names)) return [OutputFormat.Markdown];
        var formats = new List<OutputFormat>();
        foreach (var name in names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParse(name, out var format))
            {
                throw new DocStrangeException(ErrorCode.InvalidRequest,
                    $"'{field}' must be one or more of markdown, json, html, csv, text, fields, chunks; \"{name}\" is not one.",
                    new Dictionary<string, object?> { ["field"] = field, ["value"] = names });
            }
            if (!formats.Contains(format)) formats.Add(format);
        }
        return formats.Count > 0 ? formats : [OutputFormat.Markdown];
    }
}
