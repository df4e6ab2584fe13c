namespace DocStrange.Client;

/// <summary>
/// The optional fields of a submission; each is sent only when set, so the server's defaults apply
/// otherwise (markdown, every page, <c>ocr=auto</c>, <c>eng</c>, <c>processing_mode=auto</c>, <c>normal</c>).
/// </summary>
public sealed record SubmitOptions
{
    /// <summary>Output formats (<c>markdown</c>, <c>json</c>, <c>html</c>, <c>csv</c>, <c>text</c>, <c>fields</c>); the first is the default result.</summary>
    public IReadOnlyList<string>? OutputFormats { get; init; }

    /// <summary>Pages to convert, 1-based ranges such as <c>1-3,7</c> or <c>10-</c>.</summary>
    public string? Pages { get; init; }

    /// <summary>When to use OCR: <c>auto</c>, <c>always</c> or <c>never</c>.</summary>
    public string? Ocr { get; init; }

    /// <summary>Which OCR engine reads page images: <c>auto</c>, <c>tesseract</c> or <c>paddle</c>.</summary>
    public string? OcrEngine { get; init; }

    /// <summary>OCR languages as Tesseract names, e.g. <c>eng,deu</c>.</summary>
    public string? Languages { get; init; }

    /// <summary><c>auto</c>, <c>cpu</c> or <c>gpu</c>.</summary>
    public string? ProcessingMode { get; init; }

    /// <summary><c>express</c>, <c>normal</c> or <c>batch</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>The password of a protected PDF.</summary>
    public string? Password { get; init; }

    /// <summary>Whether presentation speaker notes are converted too; the server leaves them out unless this is true.</summary>
    public bool? IncludeNotes { get; init; }

    /// <summary>How Markdown writes a table cell spanning several rows or columns: <c>once</c> (the server's default) or <c>repeat</c>.</summary>
    public string? TableSpans { get; init; }

    /// <summary>Whether Markdown, text and HTML mark where each page starts (<c>&lt;!-- page N --&gt;</c> in Markdown); the server leaves them out unless this is true.</summary>
    public bool? PageBreaks { get; init; }

    /// <summary>For the <c>chunks</c> output: the most tokens in one chunk, 16 to 8192 (the server's default is 512).</summary>
    public int? ChunkTokens { get; init; }

    /// <summary>For the <c>chunks</c> output: how many tokens of a chunk's end the next one repeats (the server's default is 0).</summary>
    public int? ChunkOverlap { get; init; }

    /// <summary>
    /// How pictures are written: <c>none</c>, <c>placeholder</c> (the server's default), <c>embedded</c> (data URIs) or
    /// <c>files</c> (image files stored with the result, at <c>/jobs/{id}/result/images/{name}</c> and in the zip download).
    /// </summary>
    public string? Images { get; init; }

    /// <summary>Fields to extract, each a name or <c>name:type</c> (<c>string</c>, <c>number</c>, <c>integer</c>, <c>date</c>, <c>currency</c>, <c>boolean</c>); the result is the <c>fields</c> format.</summary>
    public IReadOnlyList<string>? ExtractFields { get; init; }

    /// <summary>A JSON Schema whose object to fill from the document, instead of <see cref="ExtractFields"/>.</summary>
    public string? JsonSchema { get; init; }

    /// <summary>
    /// Which engine fills <see cref="ExtractFields"/> or <see cref="JsonSchema"/>: <c>auto</c> (the server's default: the rules, then its LLM for
    /// the fields they left null, when it has one configured), <c>rules</c>, or <c>llm</c> (refused with <c>LLM_NOT_CONFIGURED</c> by a server without one).
    /// </summary>
    public string? ExtractMode { get; init; }

    /// <summary>Where the server POSTs the signed <c>job.completed</c> / <c>job.failed</c> / <c>job.cancelled</c> event.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>An <c>Idempotency-Key</c>: the same request again under it returns the same job.</summary>
    public string? IdempotencyKey { get; init; }
}
