using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocStrange.Bench.Office;

/// <summary>
/// Writes a one-sheet workbook of <c>rows</c> data rows and a header row, streamed with the SDK's
/// forward-only writer: an id, a category (shared string), a date (m/d/yyyy), an amount (#,##0.00),
/// a ratio (0.0%) and a flag (boolean) per row.
/// </summary>
internal static class WorkbookGenerator
{
    private static readonly string[] Categories = ["North", "South", "East", "West", "Central", "Online", "Retail", "Wholesale"];

    public static void Write(string path, int rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 4 });
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        string[] header = ["Id", "Category", "Date", "Amount", "Ratio", "Flag"];
        strings.SharedStringTable = new SharedStringTable(header.Concat(Categories).Select(s => new SharedStringItem(new Text(s))));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new Row { RowIndex = 1 });
            for (var c = 0; c < header.Length; c++) writer.WriteElement(new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(c) });
            writer.WriteEndElement();
            var random = new Random(42);
            for (var r = 0; r < rows; r++)
            {
                writer.WriteStartElement(new Row { RowIndex = (uint)(r + 2) });
                writer.WriteElement(new Cell { CellValue = new CellValue(r + 1) });
                writer.WriteElement(new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(header.Length + r % Categories.Length) });
                writer.WriteElement(new Cell { StyleIndex = 1, CellValue = new CellValue(43831 + r % 1500) });
                writer.WriteElement(new Cell { StyleIndex = 2, CellValue = new CellValue(Math.Round(random.NextDouble() * 100_000, 2)) });
                writer.WriteElement(new Cell { StyleIndex = 3, CellValue = new CellValue(Math.Round(random.NextDouble(), 4)) });
                writer.WriteElement(new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(r % 3 == 0 ? "1" : "0") });
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Data" }));
    }
}
