using DocStrange.Document.Model;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using Markdig.Syntax;

namespace DocStrange.Extraction.Formats.Markdown;

/// <summary>A Markdown pipe table as a grid: the header row's cells are headers; a short row leaves its last positions empty.</summary>
internal static class MarkdownTableReader
{
    public static Table? Read(MdTable table)
    {
        var cells = new List<TableCell>();
        var rows = 0;
        var columns = 0;
        foreach (var row in table.OfType<MdTableRow>())
        {
            var column = 0;
            foreach (var cell in row.OfType<MdTableCell>())
            {
                var index = Math.Max(column, cell.ColumnIndex);
                var span = Math.Max(1, cell.ColumnSpan);
                cells.Add(new TableCell(rows, index, Text(cell), Math.Max(1, cell.RowSpan), span, row.IsHeader));
                column = index + span;
            }
            columns = Math.Max(columns, column);
            rows++;
        }
        return cells.Count == 0 ? null : new Table(rows, columns, cells);
    }

    private static string Text(MdTableCell cell) =>
        string.Join(' ', cell.OfType<LeafBlock>().Select(b => MarkdownInlineText.Of(b.Inline)).Where(t => t.Length > 0));
}
