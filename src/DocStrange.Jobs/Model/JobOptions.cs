using System.Text;
using DocStrange.Document.Conversion;
using DocStrange.Document.Export;

namespace DocStrange.Jobs.Model;

/// <summary>What the caller asked for, validated when the job was submitted.</summary>
public sealed record JobOptions
{
    /// <summary>The result formats, in the order asked; the first is the default for <c>/result</c>.</summary>
    public IReadOnlyList<OutputFormat> Formats { get; init; } = [OutputFormat.Markdown];

    /// <summary>Canonical page ranges (<c>1-3,7</c>), empty for all pages.</summary>
    public string Pages { get; init; } = "";

    /// <summary>When to OCR.</summary>
    public OcrMode Ocr { get; init; } = OcrMode.Auto;

    /// <summary>Which OCR engine reads page images; <c>auto</c> is PaddleOCR on the gpu pool.</summary>
    public OcrEngineChoice OcrEngine { get; init; } = OcrEngineChoice.Auto;

    /// <summary>OCR languages.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["eng"];

    /// <summary>The pool the caller asked for.</summary>
    public ProcessingMode ProcessingMode { get; init; } = ProcessingMode.Auto;

    /// <summary>Claim priority.</summary>
    public JobPriority Priority { get; init; } = JobPriority.Normal;

    /// <summary>
    /// Password of a protected PDF; never written to logs or events, and dropped from the stored job when it
    /// ends (completed, failed, cancelled), since it is needed only to convert.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>Whether presentation speaker notes are converted too (after each slide's content).</summary>
    public bool IncludeNotes { get; init; }

    /// <summary>How Markdown writes a spanned table cell: once (the default) or repeated at every position it covers.</summary>
    public TableSpans TableSpans { get; init; } = TableSpans.Once;

    /// <summary>Whether Markdown, text and HTML mark where each page starts (<c>page_breaks</c>).</summary>
    public bool PageBreaks { get; init; }

    /// <summary>How pictures are written (<c>images</c>): none, placeholder (the default), embedded data URIs, or image files stored with the result.</summary>
    public ImageMode Images { get; init; } = ImageMode.Placeholder;

    /// <summary>For the chunks output: the most tokens in one chunk (<c>chunk_tokens</c>).</summary>
    public int ChunkTokens { get; init; } = ExportOptions.DefaultChunkTokens;

    /// <summary>For the chunks output: the tokens a chunk repeats from the one before (<c>chunk_overlap</c>).</summary>
    public int ChunkOverlap { get; init; }

    /// <summary>The fields to extract as <c>name:type</c> (from <c>extract_fields</c>); empty for none.</summary>
    public IReadOnlyList<string> ExtractFields { get; init; } = [];

    /// <summary>The JSON Schema to fill (from <c>json_schema</c>), as the caller gave it; null for none.</summary>
    public string? JsonSchema { get; init; }

    /// <summary>Which engine fills the fields (<c>extract_mode</c>): auto (the rules, then the LLM for what they left null, when one is configured), rules or llm.</summary>
    public ExtractMode ExtractMode { get; init; } = ExtractMode.Auto;

    /// <summary>Where final-state events are POSTed (signed); null for none.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>
    /// The most pages the job converts, fixed when it was submitted: the smaller of the submitter's tier limit and
    /// the service's. The worker refuses a job that selects more (<see cref="Pages"/>, or the whole document) with
    /// <c>TOO_MANY_PAGES</c>. Null for no limit.
    /// </summary>
    public int? MaxPages { get; init; }

    /// <summary>Whether <see cref="MaxPages"/> is the submitter's tier's limit: the error then names it, and a cached result tells it apart.</summary>
    public bool MaxPagesIsTiers { get; init; }

    /// <summary>The options as a record prints them, the password hidden: a job written to a log whole must not carry it there.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("JobOptions { ");
        if ((this with { Password = Password is null ? null : "(hidden)" }).PrintMembers(text)) text.Append(' ');
        return text.Append('}').ToString();
    }
}
