using DocStrange.Document.Conversion;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;

namespace DocStrange.Extraction;

/// <summary>What to convert and how; the defaults convert every page.</summary>
public sealed record ConversionOptions
{
    /// <summary>The defaults.</summary>
    public static ConversionOptions Default { get; } = new();

    /// <summary>Which pages (slides, sheets) to convert.</summary>
    public PageSelection Pages { get; init; } = PageSelection.All;

    /// <summary>The password of a protected PDF.</summary>
    public string? Password { get; init; }

    /// <summary>When to OCR.</summary>
    public OcrMode Ocr { get; init; } = OcrMode.Auto;

    /// <summary>Which OCR engine reads page images (<see cref="Ocr.OcrEngines"/>).</summary>
    public OcrEngineChoice OcrEngine { get; init; } = OcrEngineChoice.Auto;

    /// <summary>OCR languages as Tesseract names them (<c>eng</c>, <c>deu</c>).</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["eng"];

    /// <summary>Limits on ZIP-based containers (DOCX, XLSX, PPTX, ODF) against zip bombs.</summary>
    public ZipLimits Zip { get; init; } = ZipLimits.Default;

    /// <summary>Convert presentation speaker notes too (PowerPoint), as paragraphs after each slide's content.</summary>
    public bool IncludeNotes { get; init; }

    /// <summary>Refuse a request that selects more pages than this (<c>TOO_MANY_PAGES</c>), counted on <see cref="Pages"/>; null for no limit.</summary>
    public int? MaxPages { get; init; }

    /// <summary>The most pixels one image may have before it is decoded (<c>FILE_TOO_LARGE</c>): a guard against decompression bombs. A4 at 600 dpi is 35 million.</summary>
    public long MaxImagePixels { get; init; } = 64_000_000;

    /// <summary>
    /// The time one page of a born-digital PDF may take from parse to layout; a page that takes longer is
    /// skipped with a warning, so one pathological page cannot hold a worker for the whole job.
    /// </summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How pictures will be written; only <see cref="ImageMode.Embedded"/> and <see cref="ImageMode.Files"/> make readers keep their pixels.</summary>
    public ImageMode Images { get; init; } = ImageMode.Placeholder;

    /// <summary>The most pictures, and the most image bytes, one document keeps; pictures past them stay placeholders, with a warning.</summary>
    public ImageLimits ImageLimits { get; init; } = ImageLimits.Default;

    /// <summary>Whether readers should keep pictures' pixels.</summary>
    public bool WantsImages => Images is ImageMode.Embedded or ImageMode.Files;

    /// <summary>The fields to read from the converted document into <see cref="Document.Model.DocumentModel.Extracted"/>; null for none.</summary>
    public FieldRequest? Fields { get; init; }

    /// <summary>Which engine fills <see cref="Fields"/>: the rules, the LLM of <see cref="ConversionRequest.Llm"/>, or both (auto).</summary>
    public ExtractMode ExtractMode { get; init; } = ExtractMode.Auto;
}
