using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// A Word table as a grid. Each row starts after its <c>gridBefore</c> empty columns; a cell covers
/// <c>gridSpan</c> columns; a <c>vMerge</c> continuation cell lengthens the cell above it instead of
/// starting one. Rows marked to repeat as header rows (<c>tblHeader</c>), or the first row when the
/// table's look says it is formatted as a header, hold header cells. A cell's text is its blocks'
/// text, one per line (nested tables flattened).
/// </summary>
internal static class WordTables
{
    private const int MaxColumns = 1000;

    public static Document.Model.Table? Read(WordTable table, WordBodyWalker walker)
    {
        var rows = Rows(table).ToList();
        if (rows.Count == 0) return null;
        var firstRowHeader = FirstRowIsHeader(table);
        var cells = new List<Document.Model.TableCell>();
        var owners = new Dictionary<(int Row, int Column), int>();
        var columns = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var header = row.TableRowProperties?.GetFirstChild<TableHeader>() is { } th && (th.Val?.Value ?? OnOffOnlyValues.On) == OnOffOnlyValues.On
                || r == 0 && firstRowHeader;
            var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            foreach (var cell in Cells(row))
            {
                var span = Math.Clamp(cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1, MaxColumns);
                column = Math.Min(column, MaxColumns);
                var merge = cell.TableCellProperties?.VerticalMerge;
                if (merge is not null && merge.Val?.Value != MergedCellValues.Restart && r > 0 && owners.TryGetValue((r - 1, column), out var above))
                {
                    cells[above] = cells[above] with { RowSpan = cells[above].RowSpan + 1 };
                    for (var c = column; c < column + span; c++) owners[(r, c)] = above;
                }
                else
                {
                    cells.Add(new Document.Model.TableCell(r, column, Text(cell, walker), 1, span, header));
                    for (var c = column; c < column + span; c++) owners[(r, c)] = cells.Count - 1;
                }
                column += span;
            }
            columns = Math.Max(columns, column);
        }
        return columns == 0 ? null : new Document.Model.Table(rows.Count, columns, cells);
    }

    private static bool FirstRowIsHeader(WordTable table)
    {
        var look = table.GetFirstChild<TableProperties>()?.TableLook;
        if (look is null) return false;
        if (look.FirstRow?.Value is { } first) return first;
        return look.Val?.Value is { } hex && int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var bits) && (bits & 0x20) != 0;
    }

    private static string Text(WordCell cell, WordBodyWalker walker) =>
        string.Join('\n', walker.Nested(cell).Select(BlockText).Where(t => t.Length > 0));

    // A list paragraph keeps the marker the page shows, as the body's list items get theirs from the exporters.
    private static string BlockText(Block block) => block switch
    {
        { Table: { } table } => string.Join(' ', table.Cells.Select(c => c.Text).Where(t => t.Length > 0)),
        { Role: BlockRole.ListItem, Ordered: true, Number: { } number } => $"{number}. {block.Text}",
        { Role: BlockRole.ListItem } => "- " + block.Text,
        _ => block.Text,
    };

    private static IEnumerable<TableRow> Rows(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            if (child is TableRow row) yield return row;
            else if (child is SdtRow or CustomXmlRow or SdtContentRow) foreach (var nested in Rows(child)) yield return nested;
        }
    }

    private static IEnumerable<WordCell> Cells(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            if (child is WordCell cell) yield return cell;
            else if (child is SdtCell or CustomXmlCell or SdtContentCell) foreach (var nested in Cells(child)) yield return nested;
        }
    }
}
