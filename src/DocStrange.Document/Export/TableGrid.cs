using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// A table laid out as rows of text for the flat formats (Markdown, CSV, text): a spanned cell's text
/// is at its top-left position and the other positions it covers are empty, as are positions no cell covers.
/// </summary>
internal static class TableGrid
{
    /// <summary>The text at each grid position, row by row.</summary>
    public static string[][] TopLeftTexts(Table table)
    {
        var grid = table.ToGrid();
        var rows = new string[table.RowCount][];
        for (var r = 0; r < table.RowCount; r++)
        {
            rows[r] = new string[table.ColumnCount];
            for (var c = 0; c < table.ColumnCount; c++)
            {
                rows[r][c] = IsOrigin(grid[r, c], r, c) ? grid[r, c]!.Text : "";
            }
        }
        return rows;
    }

    /// <summary>Whether position (<paramref name="row"/>, <paramref name="column"/>) is the top-left of <paramref name="cell"/>.</summary>
    public static bool IsOrigin(TableCell? cell, int row, int column) =>
        cell is not null && cell.Row == row && cell.Column == column;
}
