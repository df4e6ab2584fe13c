using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// An HTML table as a grid: cells are placed left to right in the first free position of their row
/// and cover <c>colspan</c> × <c>rowspan</c> positions (HTML's table-forming algorithm, simplified);
/// <c>th</c> cells and cells in <c>thead</c> are headers. Nested tables become text in their cell. The
/// positions the cells cover are held to <see cref="ReaderLimits.MaxHtmlTablePositions"/>.
/// </summary>
internal static class HtmlTableReader
{
    private const int MaxColumnSpan = 1000;

    public static Table? Read(IHtmlTableElement table)
    {
        var rows = table.Rows.Where(r => !HtmlVisibility.IsHidden(r)).ToList();
        var cells = new List<TableCell>();
        var occupied = new List<HashSet<int>>();
        for (var r = 0; r < rows.Count; r++) occupied.Add([]);
        var columns = 0;
        var covered = 0L;
        for (var r = 0; r < rows.Count; r++)
        {
            var inHead = rows[r].ParentElement is IHtmlTableSectionElement { LocalName: "thead" };
            var column = 0;
            foreach (var cell in rows[r].Cells)
            {
                if (HtmlVisibility.IsHidden(cell)) continue;
                while (occupied[r].Contains(column)) column++;
                var columnSpan = Math.Clamp(cell.ColumnSpan, 1, MaxColumnSpan);
                var rowSpan = cell.RowSpan <= 0 ? rows.Count - r : Math.Min(cell.RowSpan, rows.Count - r);
                // Each covered position is marked: past the budget a cell covers only its own.
                if (covered + (long)rowSpan * columnSpan > ReaderLimits.MaxHtmlTablePositions) (rowSpan, columnSpan) = (1, 1);
                covered += (long)rowSpan * columnSpan;
                for (var rr = r; rr < r + rowSpan; rr++)
                {
                    for (var cc = column; cc < column + columnSpan; cc++) occupied[rr].Add(cc);
                }
                var header = inHead || cell.LocalName == "th";
                cells.Add(new TableCell(r, column, HtmlInlineText.OfCell(cell), rowSpan, columnSpan, header));
                column += columnSpan;
                columns = Math.Max(columns, column);
            }
        }
        return cells.Count == 0 ? null : new Table(rows.Count, columns, cells);
    }

    /// <summary>The caption's text, or null.</summary>
    public static string? Caption(IHtmlTableElement table) =>
        table.Caption is { } caption && !HtmlVisibility.IsHidden(caption) && HtmlInlineText.Of(caption) is { Length: > 0 } text ? text : null;
}
