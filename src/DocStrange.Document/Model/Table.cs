namespace DocStrange.Document.Model;

/// <summary>A table as a grid of cells with spans and header flags.</summary>
public sealed record Table(int RowCount, int ColumnCount, IReadOnlyList<TableCell> Cells)
{
    /// <summary>
    /// The grid with each position resolved to the cell covering it (so a spanned cell appears at
    /// every position it covers), or null where no cell covers it.
    /// </summary>
    public TableCell?[,] ToGrid()
    {
        var grid = new TableCell?[RowCount, ColumnCount];
        foreach (var cell in Cells)
        {
            for (var r = cell.Row; r < Math.Min(RowCount, cell.Row + Math.Max(1, cell.RowSpan)); r++)
            {
                for (var c = cell.Column; c < Math.Min(ColumnCount, cell.Column + Math.Max(1, cell.ColumnSpan)); c++)
                {
                    grid[r, c] ??= cell;
                }
            }
        }
        return grid;
    }

    /// <summary>The number of leading rows whose every cell is a header cell.</summary>
    public int HeaderRowCount()
    {
        var grid = ToGrid();
        var rows = 0;
        for (var r = 0; r < RowCount; r++)
        {
            var all = ColumnCount > 0;
            for (var c = 0; c < ColumnCount && all; c++)
            {
                all = grid[r, c] is { IsHeader: true };
            }
            if (!all) break;
            rows++;
        }
        return rows;
    }
}
