using DocStrange.Extraction.Formats.Csv;
using DocStrange.Extraction.Formats.Excel;
using DocStrange.Extraction.Formats.Html;
using DocStrange.Extraction.Formats.Markdown;
using DocStrange.Extraction.Formats.Pdf;
using DocStrange.Extraction.Formats.PowerPoint;
using DocStrange.Extraction.Formats.Text;
using DocStrange.Extraction.Formats.Wordprocessing;

namespace DocStrange.Extraction;

/// <summary>The readers that ship with DocStrange, one per family of formats.</summary>
public static class BuiltInReaders
{
    /// <summary>A new instance of every built-in reader.</summary>
    public static IReadOnlyList<IDocumentReader> Create() =>
    [
        new PlainTextReader(),
        new PdfReader(),
        new HtmlReader(),
        new CsvReader(),
        new MarkdownReader(),
        new WordReader(),
        new ExcelReader(),
        new XlsReader(),
        new PowerPointReader(),
    ];
}
