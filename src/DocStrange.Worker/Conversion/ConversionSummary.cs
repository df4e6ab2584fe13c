using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using DocStrange.Jobs.Model;

namespace DocStrange.Worker.Conversion;

/// <summary>What a job's result records of its document: pages converted, the source's page count, OCR'd and laid-out-again pages, warnings.</summary>
public sealed record ConversionSummary
{
    /// <summary>Pages converted.</summary>
    public int PagesProcessed { get; init; }

    /// <summary>Pages in the source.</summary>
    public int PageCount { get; init; }

    /// <summary>Pages read by OCR.</summary>
    public int OcrPages { get; init; }

    /// <summary>Pages laid out again the safe way.</summary>
    public int LayoutFallbackPages { get; init; }

    /// <summary>Problems that did not fail the document.</summary>
    public IReadOnlyList<JobWarning> Warnings { get; init; } = [];

    /// <summary>The file names of the document's images (<c>&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c>), in reading order; empty unless images were asked for.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The numbers of the converted pages, each of which has its own part of every output.</summary>
    public IReadOnlyList<int> Pages { get; init; } = [];

    /// <summary>The summary of a converted document.</summary>
    public static ConversionSummary Of(DocumentModel document) => new()
    {
        PagesProcessed = document.Pages.Count,
        PageCount = document.Metadata.PageCount,
        OcrPages = document.Pages.Count(p => p.Ocr),
        LayoutFallbackPages = document.Pages.Count(p => p.LayoutFallback),
        Warnings = [.. document.Warnings.Select(w => new JobWarning(w.Code.Name, w.Message, w.Page))],
        Images = [.. PictureFiles.Of(document).Select(f => f.Name)],
        Pages = [.. document.Pages.Select(p => p.Number)],
    };
}
