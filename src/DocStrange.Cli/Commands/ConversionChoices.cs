using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Extraction;

namespace DocStrange.Cli.Commands;

/// <summary>The conversion options of a command line, checked: what <c>convert</c> does locally and <c>submit</c> asks a server for.</summary>
internal sealed record ConversionChoices
{
    public required OutputFormat Format { get; init; }

    /// <summary>The options of the conversion itself (pages, OCR, fields, ...).</summary>
    public required ConversionOptions Conversion { get; init; }

    /// <summary>The options of the export, table spans included.</summary>
    public required ExportOptions Export { get; init; }

    /// <summary>The <c>--fields</c> list as typed, for a server to parse the same way.</summary>
    public string? FieldList { get; init; }

    /// <summary>The text of the <c>--schema</c> file, for a server to parse the same way.</summary>
    public string? SchemaText { get; init; }

    public FieldRequest? Fields => Conversion.Fields;
}
