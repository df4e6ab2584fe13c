using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// XLSX (and XLSM) after the container checks of <see cref="OfficeZip"/>: each sheet is a page and a
/// section headed by its name (a hidden sheet is converted too, its page flagged and its heading marked
/// "(hidden)"), each data region of the sheet a table (<see cref="SheetRegions"/>), then the sheet's
/// pictures and charts. Sheets are streamed one at a time (<see cref="XlsxSheetReader"/>); formulas
/// show their cached values and numbers and dates their formatted text.
/// </summary>
public sealed class ExcelReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Xlsx];

    /// <inheritdoc />
    public Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        OfficeZip.Check(input, request);
        using var document = SpreadsheetDocument.Open(input, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        PageLimit.Check(sheets.Count, "sheets", request);
        var data = new XlsxWorkbookData(workbook, request, cancellationToken);
        var pages = new List<PageInfo>();
        var blocks = new List<Block>();
        for (var i = 0; i < sheets.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = i + 1;
            if (!request.Options.Pages.Contains(number)) continue;
            var sheet = sheets[i];
            var hidden = sheet.State is { } state && state.Value != SheetStateValues.Visible;
            pages.Add(new PageInfo(number) { Hidden = hidden });
            var provenance = new Provenance(number);
            var name = Layout.TextCleanup.Normalize(sheet.Name?.Value ?? $"Sheet {number}");
            blocks.Add(new Block { Role = BlockRole.Heading, Level = 1, Text = hidden ? name + " (hidden)" : name, Provenance = provenance });
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                var cells = XlsxSheetReader.Read(worksheet, data, cancellationToken);
                blocks.AddRange(SheetRegions.Tables(cells).Select(t => new Block { Role = BlockRole.Table, Table = t, Provenance = provenance }));
                blocks.AddRange(SheetDrawings.Read(worksheet, provenance, request.Options.WantsImages));
            }
            request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, pages.Count, request.Options.Pages.CountIn(sheets.Count)));
        }
        var title = Layout.TextCleanup.Normalize(document.PackageProperties.Title ?? "");
        return Task.FromResult(new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, Title = title.Length > 0 ? title : null, PageCount = sheets.Count },
            Pages = pages,
            Blocks = blocks,
        });
    }
}
