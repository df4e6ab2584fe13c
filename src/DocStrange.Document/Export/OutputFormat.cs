namespace DocStrange.Document.Export;

/// <summary>The formats a document can be exported to.</summary>
public enum OutputFormat
{
    Markdown,
    Json,
    Html,
    Csv,
    Text,

    /// <summary>The extracted fields alone (JSON); needs fields asked for.</summary>
    Fields,

    /// <summary>The document cut into chunks for retrieval (JSON), sized in tokens.</summary>
    Chunks,
}
