using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Jobs.Model;

namespace DocStrange.Api.Contracts;

/// <summary>
/// The options of a submission, as JSON members or form fields. The routes read them field by field
/// (a misspelt one is refused, not ignored); these records describe them to clients.
/// </summary>
public record JobOptionsRequest
{
    /// <summary>The formats to make, in order (the first is what /result and /download give without ?format=); a comma list in one value works too. Default markdown.</summary>
    public IReadOnlyList<OutputFormat>? OutputFormat { get; init; }

    /// <summary>Which worker pool converts it. Default auto.</summary>
    public ProcessingMode? ProcessingMode { get; init; }

    /// <summary>Pages and ranges, 1-based: 1-3,7 or 10- (to the end). Default every page.</summary>
    public string? Pages { get; init; }

    /// <summary>Whether to recognise text in page images. Default auto.</summary>
    public OcrMode? Ocr { get; init; }

    /// <summary>Which OCR engine reads page images: auto (Tesseract, and PaddleOCR on pages Tesseract reads with low confidence, the better reading kept; PaddleOCR on the gpu pool), tesseract, or paddle (PP-OCRv4: Chinese and Latin script). Default auto.</summary>
    public OcrEngineChoice? OcrEngine { get; init; }

    /// <summary>OCR languages as Tesseract names, separated by , or +: eng,deu. Default eng.</summary>
    public string? Languages { get; init; }

    /// <summary>Queue priority. Default normal.</summary>
    public JobPriority? Priority { get; init; }

    /// <summary>The password of a protected PDF.</summary>
    public string? Password { get; init; }

    /// <summary>For a presentation, also convert each slide's speaker notes. Default false.</summary>
    public bool? IncludeNotes { get; init; }

    /// <summary>How Markdown writes a table cell spanning several rows or columns: once, or repeated at every position it covers. Default once.</summary>
    public TableSpans? TableSpans { get; init; }

    /// <summary>Mark where each page starts: &lt;!-- page N --&gt; in Markdown, a line --- page N --- in text, &lt;hr class="page-break" data-page="N"&gt; in HTML. Default false.</summary>
    public bool? PageBreaks { get; init; }

    /// <summary>How pictures are written: none (left out), placeholder (&lt;!-- image --&gt;), embedded (data URIs), or files (images/&lt;page&gt;-&lt;n&gt;.&lt;ext&gt; stored with the result and linked). Default placeholder.</summary>
    public ImageMode? Images { get; init; }

    /// <summary>For the chunks output: the most tokens (cl100k_base) in one chunk, 16 to 8192. Default 512.</summary>
    public int? ChunkTokens { get; init; }

    /// <summary>For the chunks output: how many tokens of a chunk's end the next chunk of its section starts with again, less than half of chunk_tokens. Default 0.</summary>
    public int? ChunkOverlap { get; init; }

    /// <summary>An http(s) URL that receives signed job.completed, job.failed and job.cancelled events.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Fields to extract: a comma list of names, each optionally name:type (string, number, integer, date, currency, boolean); at most 50.</summary>
    public string? ExtractFields { get; init; }

    /// <summary>A JSON Schema (draft 2020-12 subset) whose object to fill from the document, instead of extract_fields.</summary>
    public string? JsonSchema { get; init; }

    /// <summary>Which engine fills extract_fields or json_schema: auto (the rules, then the LLM for the fields they left null, when the server has one configured), rules, or llm (the LLM only; 400 LLM_NOT_CONFIGURED without one). Default auto.</summary>
    public ExtractMode? ExtractMode { get; init; }
}

/// <summary>The body of <c>POST /documents/from-url</c>: the document's address and the submission's options.</summary>
public sealed record FromUrlRequest : JobOptionsRequest
{
    /// <summary>The http(s) address of the document (public addresses only unless the server allows others).</summary>
    public required string Url { get; init; }
}

/// <summary>The multipart form of <c>POST /documents</c> and <c>POST /documents/sync</c>: one file and the options.</summary>
public sealed record DocumentUploadForm : JobOptionsRequest
{
    /// <summary>The document; its extension names its type and must agree with its content.</summary>
    public required IFormFile File { get; init; }
}

/// <summary>The multipart form of <c>POST /documents/batch</c>: the file part repeated, and options shared by every file.</summary>
public sealed record BatchUploadForm : JobOptionsRequest
{
    /// <summary>The documents, one part each; each extension names its file's type.</summary>
    public required IReadOnlyList<IFormFile> File { get; init; }
}
