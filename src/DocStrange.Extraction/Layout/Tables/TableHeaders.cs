using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Flags a table's header rows: the first row, and the rows below it that its cells span into (a
/// two-level header whose top cells span columns or rows). A table of a single row has no header.
/// </summary>
public static class TableHeaders
{
    /// <summary>The table with the cells of its header rows flagged.</summary>
    public static Table Mark(Table table)
    {
        var first = table.Cells.Where(c => c.Row == 0).ToList();
        if (first.Count == 0 || table.RowCount < 2) return table;
        var rows = first.Max(c => c.RowSpan);
        // A spanning top cell over a second row of column titles: that row belongs to the header too.
        if (rows == 1 && first.Any(c => c.ColumnSpan > 1) && table.RowCount > 2) rows = 2;
        if (rows >= table.RowCount) return table;
        return table with { Cells = table.Cells.Select(c => c.Row < rows ? c with { IsHeader = true } : c).ToList() };
    }
}
