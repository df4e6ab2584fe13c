using UglyToad.PdfPig;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Hands out the open PdfPig document page after page, opening it afresh every
/// <see cref="PagesPerOpening"/> pages: a PdfPig document keeps every object it has parsed until it
/// is disposed (about half a megabyte per text-heavy page), so without this a 1,000-page PDF would
/// hold all its pages in memory. Reopening reads only the cross-reference table again.
/// </summary>
internal sealed class PdfPageSource : IDisposable
{
    /// <summary>How many pages are read from one opening of the file.</summary>
    public const int PagesPerOpening = 40;

    private readonly Stream _input;
    private readonly string? _password;
    private readonly string _fileName;
    private readonly long _start;
    private int _served;

    /// <summary>Opens the PDF (errors as <see cref="PdfOpening"/> names them); the stream must be seekable and stays open.</summary>
    public PdfPageSource(Stream input, string? password, string fileName)
    {
        _input = input;
        _password = password;
        _fileName = fileName;
        _start = input.Position;
        Document = Open();
    }

    /// <summary>The document as currently open.</summary>
    public PdfDocument Document { get; private set; }

    /// <summary>What the current opening may inflate; each opening starts afresh, since what the last one decoded is let go.</summary>
    public PdfStreamBudget Budget { get; private set; } = null!;

    /// <summary>The document to read the next page from, reopened when the current opening has served its share.</summary>
    public PdfDocument ForNextPage()
    {
        if (_served++ < PagesPerOpening) return Document;
        Document.Dispose();
        Document = Open();
        _served = 1;
        return Document;
    }

    /// <inheritdoc />
    public void Dispose() => Document.Dispose();

    private PdfDocument Open()
    {
        _input.Position = _start;
        Budget = new PdfStreamBudget(_fileName);
        return PdfOpening.Open(_input, _password, _fileName, Budget);
    }
}
