using DocStrange.Document.Model;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;

namespace DocStrange.Extraction.Formats.PowerPoint;

/// <summary>
/// A DrawingML table (<c>a:tbl</c>) as a grid: a cell covers <c>gridSpan</c> columns and
/// <c>rowSpan</c> rows, and the cells it covers (<c>hMerge</c>, <c>vMerge</c>) are skipped. The first
/// row holds header cells when the table's properties say <c>firstRow</c>.
/// </summary>
internal static class SlideTables
{
    private const int MaxSpan = 1000;

    public static Table? Read(A.Table table, OpenXmlPart part)
    {
        var rows = table.Elements<A.TableRow>().ToList();
        var firstRowHeader = table.TableProperties?.FirstRow?.Value == true;
        var cells = new List<TableCell>();
        var columns = table.TableGrid?.Elements<A.GridColumn>().Count() ?? 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Elements<A.TableCell>())
            {
                if (cell.HorizontalMerge?.Value != true && cell.VerticalMerge?.Value != true)
                {
                    var text = string.Join('\n', cell.TextBody?.Elements<A.Paragraph>().Select(p => SlideText.Inline(p, part).Text).Where(t => t.Length > 0) ?? []);
                    var columnSpan = Math.Clamp(cell.GridSpan?.Value ?? 1, 1, MaxSpan);
                    var rowSpan = Math.Clamp(cell.RowSpan?.Value ?? 1, 1, rows.Count - r);
                    cells.Add(new TableCell(r, c, text, rowSpan, columnSpan, r == 0 && firstRowHeader));
                }
                c++;
            }
            columns = Math.Max(columns, c);
        }
        return rows.Count == 0 || columns == 0 ? null : new Table(rows.Count, columns, cells);
    }
}
