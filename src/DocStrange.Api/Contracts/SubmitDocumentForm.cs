namespace DocStrange.Api.Contracts;

/// <summary>
/// The fields of <c>POST /documents</c> (multipart/form-data), for the OpenAPI document. The body is
/// read as a stream, not bound to this type: the file goes to storage as it arrives.
/// </summary>
public sealed class SubmitDocumentForm
{
    /// <summary>The document; its extension names its type and must agree with its content.</summary>
    public required IFormFile File { get; init; }

    /// <summary>One or a comma list of markdown, json, html, csv, text (default markdown).</summary>
    public string? OutputFormat { get; init; }

    /// <summary>auto, cpu or gpu (default auto).</summary>
    public string? ProcessingMode { get; init; }

    /// <summary>Page ranges such as "1-3,7" (default all).</summary>
    public string? Pages { get; init; }

    /// <summary>auto, always or never (default auto).</summary>
    public string? Ocr { get; init; }

    /// <summary>OCR languages, e.g. "eng,deu" (default eng).</summary>
    public string? Languages { get; init; }

    /// <summary>express, normal or batch (default normal).</summary>
    public string? Priority { get; init; }

    /// <summary>The password of a protected PDF.</summary>
    public string? Password { get; init; }
}
