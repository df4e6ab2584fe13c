namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// A sheet's non-empty cells as formatted text, row by row (0-based rows and columns), plus its merged
/// ranges. Rows are kept in the order added; readers add them top to bottom.
/// </summary>
internal sealed class SheetCells
{
    private readonly List<(int Row, List<(int Column, string Text)> Cells)> _rows = [];

    /// <summary>Merged ranges as (first row, first column, last row, last column), inclusive.</summary>
    public List<(int Row, int Column, int LastRow, int LastColumn)> Merges { get; } = [];

    /// <summary>The rows that have at least one cell, in order.</summary>
    public IReadOnlyList<(int Row, List<(int Column, string Text)> Cells)> Rows => _rows;

    /// <summary>How many cells were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a cell; blank text is ignored.</summary>
    public void Add(int row, int column, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || row < 0 || column < 0) return;
        if (_rows.Count == 0 || _rows[^1].Row != row)
        {
            if (_rows.Count > 0 && _rows[^1].Row > row)
            {
                // Out-of-order rows are rare (hand-written files); keep the list sorted.
                var at = _rows.FindIndex(r => r.Row >= row);
                if (_rows[at].Row != row) _rows.Insert(at, (row, []));
                Insert(_rows[at].Cells, column, text.Trim());
                return;
            }
            _rows.Add((row, []));
        }
        Insert(_rows[^1].Cells, column, text.Trim());
    }

    private void Insert(List<(int Column, string Text)> cells, int column, string text)
    {
        Count++;
        if (cells.Count == 0 || cells[^1].Column < column)
        {
            cells.Add((column, text));
            return;
        }
        var at = cells.FindIndex(c => c.Column >= column);
        if (cells[at].Column == column)
        {
            cells[at] = (column, text);
            Count--;
        }
        else
        {
            cells.Insert(at, (column, text));
        }
    }
}
