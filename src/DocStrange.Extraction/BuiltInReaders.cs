using DocStrange.Document.Files;
using DocStrange.Extraction.Formats.Csv;
using DocStrange.Extraction.Formats.Excel;
using DocStrange.Extraction.Formats.Html;
using DocStrange.Extraction.Formats.Image;
using DocStrange.Extraction.Formats.LibreOffice;
using DocStrange.Extraction.Formats.Markdown;
using DocStrange.Extraction.Formats.Pdf;
using DocStrange.Extraction.Formats.PowerPoint;
using DocStrange.Extraction.Formats.Text;
using DocStrange.Extraction.Formats.Wordprocessing;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Paddle;

namespace DocStrange.Extraction;

/// <summary>The readers that ship with DocStrange, one per family of formats.</summary>
public static class BuiltInReaders
{
    /// <summary>
    /// A new instance of every built-in reader; the LibreOffice-backed one (DOC, PPT, ODT, ODS, ODP)
    /// only when <c>soffice</c> is found (<see cref="ReaderSettings.SofficePath"/>); OCR of images and
    /// of PDF pages through <see cref="ReaderSettings.Ocr"/>, by default the process-wide Tesseract and
    /// PaddleOCR engines as each request chooses (<see cref="OcrEngines"/>).
    /// </summary>
    public static IReadOnlyList<IDocumentReader> Create(ReaderSettings? settings = null)
    {
        settings ??= ReaderSettings.Default;
        var paddle = settings.Paddle is { } options ? new PaddleOcrEngine(options) : PaddleOcrEngine.Shared;
        var ocr = settings.Ocr is { } only ? OcrEngines.Only(only) : OcrEngines.Choosing(TesseractOcrEngine.Shared, paddle);
        var word = new WordReader();
        var excel = new ExcelReader();
        var powerPoint = new PowerPointReader();
        var readers = new List<IDocumentReader>
        {
            new PlainTextReader(),
            new PdfReader(ocr),
            new ImageReader(ocr),
            new HtmlReader(),
            new CsvReader(),
            new MarkdownReader(),
            word,
            excel,
            new XlsReader(),
            powerPoint,
        };
        if (LibreOfficeLocator.Find(settings.SofficePath) is { } soffice)
        {
            var targets = new Dictionary<FileKind, IDocumentReader> { [FileKind.Docx] = word, [FileKind.Xlsx] = excel, [FileKind.Pptx] = powerPoint };
            readers.Add(new LibreOfficeReader(soffice, settings.LibreOfficeTimeout, targets));
        }
        return readers;
    }
}
