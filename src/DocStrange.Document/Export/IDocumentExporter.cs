namespace DocStrange.Document.Export;

/// <summary>Writes the document model in one output format. Exporters read only the model, never another exporter's output.</summary>
public interface IDocumentExporter
{
    /// <summary>The format this exporter writes.</summary>
    OutputFormat Format { get; }

    /// <summary>Writes <paramref name="document"/> to <paramref name="writer"/>.</summary>
    void Write(Model.DocumentModel document, TextWriter writer, ExportOptions options);
}
