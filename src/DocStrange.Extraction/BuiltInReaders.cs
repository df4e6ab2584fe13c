using DocStrange.Extraction.Formats.Csv;
using DocStrange.Extraction.Formats.Html;
using DocStrange.Extraction.Formats.Image;
using DocStrange.Extraction.Formats.Markdown;
using DocStrange.Extraction.Formats.Pdf;
using DocStrange.Extraction.Formats.Text;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction;

/// <summary>The readers that ship with DocStrange, one per family of formats.</summary>
public static class BuiltInReaders
{
    /// <summary>A new instance of every built-in reader; OCR through <paramref name="ocr"/>, by default the process-wide Tesseract engine.</summary>
    public static IReadOnlyList<IDocumentReader> Create(IOcrEngine? ocr = null) =>
    [
        new PlainTextReader(),
        new PdfReader(ocr ?? TesseractOcrEngine.Shared),
        new ImageReader(ocr ?? TesseractOcrEngine.Shared),
        new HtmlReader(),
        new CsvReader(),
        new MarkdownReader(),
    ];
}
