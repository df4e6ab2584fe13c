namespace DocStrange.Document.Model;

/// <summary>
/// One cell of a table, at its top-left grid position (0-based). A merged cell appears once, with
/// its spans; the grid positions it covers hold no other cell.
/// </summary>
public sealed record TableCell(int Row, int Column, string Text, int RowSpan = 1, int ColumnSpan = 1, bool IsHeader = false);
