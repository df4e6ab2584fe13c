using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Writes a table as a GitHub-flavoured pipe table. GFM has exactly one header row: it is the table's
/// first row whether or not its cells are flagged as headers (any further header rows follow as body rows).
/// GFM has no spans: a spanned cell's text is written once, at the first position it covers, so
/// every word is written once; with <see cref="TableSpans.Repeat"/> it is repeated at every position
/// it covers (as docling writes them), so each row and column reads whole. <c>|</c> in cell text is escaped as <c>\|</c> and line breaks become spaces.
/// </summary>
internal static class MarkdownTableWriter
{
    /// <summary>Writes <paramref name="table"/> without a trailing newline; nothing for a table with no rows or columns.</summary>
    public static void Write(Table table, TextWriter writer, TableSpans spans = TableSpans.Once)
    {
        if (table.RowCount == 0 || table.ColumnCount == 0) return;
        // Rows are written straight from the grid rather than copied out as text first: large sheets have millions of cells.
        var grid = table.ToGrid();
        WriteRow(grid, 0, writer, spans);
        writer.Write('\n');
        writer.Write('|');
        for (var c = 0; c < table.ColumnCount; c++) writer.Write(" --- |");
        for (var r = 1; r < table.RowCount; r++)
        {
            writer.Write('\n');
            WriteRow(grid, r, writer, spans);
        }
    }

    private static void WriteRow(TableCell?[,] grid, int row, TextWriter writer, TableSpans spans)
    {
        writer.Write('|');
        for (var c = 0; c < grid.GetLength(1); c++)
        {
            writer.Write(' ');
            var cell = grid[row, c];
            var text = spans == TableSpans.Repeat || TableGrid.IsOrigin(cell, row, c) ? cell?.Text ?? "" : "";
            writer.Write(MarkdownEscaper.EscapeInline(PlainText.OneLine(text)));
            writer.Write(" |");
        }
    }
}
