using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// Streams one worksheet part with a forward-only XML reader into <see cref="SheetCells"/>: each cell's
/// shown text (shared and inline strings, booleans, errors, cached formula results, numbers and dates
/// through their style's number format) and the merged ranges. The sheet is never loaded as a DOM.
/// </summary>
internal static class XlsxSheetReader
{
    public static SheetCells Read(WorksheetPart part, XlsxWorkbookData workbook, CancellationToken cancellationToken)
    {
        var sheet = new SheetCells();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, XlsxWorkbookData.Settings);
        var row = -1;
        var nextColumn = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "row":
                    row = int.TryParse(reader.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r - 1 : row + 1;
                    nextColumn = 0;
                    if (row % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
                    break;
                case "c":
                    var reference = reader.GetAttribute("r");
                    var (cellRow, column) = reference is not null && CellReference.TryParse(reference, out var at) ? at : (row, nextColumn);
                    nextColumn = column + 1;
                    sheet.Add(cellRow, column, workbook.Shown(CellText(reader, workbook)));
                    break;
                case "mergeCell" when reader.GetAttribute("ref") is { } range && CellReference.TryParseRange(range, out var merge):
                    sheet.Merges.Add(merge);
                    break;
            }
        }
        return sheet;
    }

    // Reads the c element at the reader (leaving the reader on its end) and returns its shown text.
    private static string CellText(XmlReader reader, XlsxWorkbookData workbook)
    {
        var type = reader.GetAttribute("t") ?? "n";
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (reader.IsEmptyElement) return "";
        string? value = null, inline = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v") value = reader.ReadElementContentAsString();
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is") inline = XlsxWorkbookData.RichText(reader);
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "f") reader.Skip();
            else reader.Read();
        }
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? workbook.String(index) : "",
            "inlineStr" => inline ?? value ?? "",
            "str" or "e" => value ?? "",
            "b" => value == "1" ? "TRUE" : value == "0" ? "FALSE" : value ?? "",
            "d" => IsoDate(value, workbook.FormatOf(style)),
            _ => Number(value, workbook.FormatOf(style), workbook.Date1904),
        };
    }

    private static string Number(string? value, string? format, bool date1904)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? ExcelNumberFormat.Format(number, format, date1904)
            : value;
    }

    // A cell typed d holds an ISO 8601 date; show it through the style's format as if it were a serial.
    private static string IsoDate(string? value, string? format)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)) return value ?? "";
        var serial = (date - new DateTime(1899, 12, 30)).TotalDays;
        return ExcelNumberFormat.Format(serial, format ?? "yyyy-mm-dd", date1904: false);
    }
}
