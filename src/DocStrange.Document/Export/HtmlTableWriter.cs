using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Writes a table with real <c>colspan</c> / <c>rowspan</c>: the leading all-header rows go in
/// <c>&lt;thead&gt;</c>, the rest in <c>&lt;tbody&gt;</c>; header cells are <c>&lt;th&gt;</c>. A span is
/// what the grid gives the cell (clipped to the table and to its row group, since a row span cannot
/// cross from thead into tbody), and a position no cell covers gets an empty <c>&lt;td&gt;</c>.
/// </summary>
internal static class HtmlTableWriter
{
    /// <summary>Writes <paramref name="table"/> as a <c>&lt;table&gt;</c> element followed by a newline.</summary>
    public static void Write(Table table, string attributes, TextWriter writer)
    {
        var grid = table.ToGrid();
        var headerRows = table.HeaderRowCount();
        writer.Write($"<table{attributes}>\n");
        WriteGroup("thead", grid, 0, headerRows, writer);
        WriteGroup("tbody", grid, headerRows, table.RowCount, writer);
        writer.Write("</table>\n");
    }

    private static void WriteGroup(string tag, TableCell?[,] grid, int start, int end, TextWriter writer)
    {
        if (start >= end) return;
        writer.Write($"<{tag}>\n");
        for (var r = start; r < end; r++)
        {
            writer.Write("<tr>");
            for (var c = 0; c < grid.GetLength(1); c++)
            {
                var cell = grid[r, c];
                if (cell is null || cell.Row < start)
                {
                    // Not covered, or covered by a cell of the row group above: an empty cell keeps the grid.
                    writer.Write("<td></td>");
                }
                else if (TableGrid.IsOrigin(cell, r, c))
                {
                    WriteCell(cell, Span(grid, r, c, 1, 0, end), Span(grid, r, c, 0, 1, grid.GetLength(1)), writer);
                }
            }
            writer.Write("</tr>\n");
        }
        writer.Write($"</{tag}>\n");
    }

    private static void WriteCell(TableCell cell, int rowSpan, int columnSpan, TextWriter writer)
    {
        var tag = cell.IsHeader ? "th" : "td";
        writer.Write($"<{tag}");
        if (columnSpan > 1) writer.Write($" colspan=\"{columnSpan}\"");
        if (rowSpan > 1) writer.Write($" rowspan=\"{rowSpan}\"");
        writer.Write($">{HtmlText.EncodeLines(cell.Text)}</{tag}>");
    }

    // How many consecutive positions from (row, column), stepping by (dr, dc) up to limit, the same cell covers.
    private static int Span(TableCell?[,] grid, int row, int column, int dr, int dc, int limit)
    {
        var cell = grid[row, column];
        var n = 1;
        while ((dr == 1 ? row : column) + n < limit && ReferenceEquals(grid[row + dr * n, column + dc * n], cell)) n++;
        return n;
    }
}
