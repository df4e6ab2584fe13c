using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>The exporter for each output format.</summary>
public static class DocumentExporters
{
    private static readonly Dictionary<OutputFormat, IDocumentExporter> ByFormat = new IDocumentExporter[]
    {
        new MarkdownExporter(),
        new JsonExporter(),
        new HtmlExporter(),
        new CsvExporter(),
        new TextExporter(),
        new FieldsExporter(),
        new ChunksExporter(),
    }.ToDictionary(e => e.Format);

    /// <summary>The exporter that writes <paramref name="format"/>.</summary>
    public static IDocumentExporter Get(OutputFormat format) =>
        ByFormat.TryGetValue(format, out var exporter) ? exporter : throw new NotSupportedException($"No exporter for {format}.");

    /// <summary>Exports to a string.</summary>
    public static string ExportToString(DocumentModel document, OutputFormat format, ExportOptions? options = null)
    {
        using var writer = new StringWriter();
        writer.NewLine = "\n";
        Get(format).Write(document, writer, options ?? ExportOptions.Default);
        return writer.ToString();
    }
}
