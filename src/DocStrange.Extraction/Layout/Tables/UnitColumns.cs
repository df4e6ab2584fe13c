using System.Globalization;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Financial tables set a currency sign in a narrow column of its own, flush left of the amounts
/// ("$ | 211,915"), and percentages sometimes put "%" in one after them. Read from the layout, such
/// a sign is a column of its own that holds no value; it is folded into the column of the values it
/// belongs to ("$ 211,915", "12.5 %") and the column removed, so the table has the columns its
/// author meant.
/// </summary>
public static class UnitColumns
{
    /// <summary>The table with columns that hold only currency signs (or only percent signs) merged into their values' column.</summary>
    public static Table Merge(Table table)
    {
        for (var column = 0; column < table.ColumnCount; column++)
        {
            var kind = KindOf(table, column);
            if (kind == 0) continue;
            var target = kind < 0 ? column + 1 : column - 1;
            if (target < 0 || target >= table.ColumnCount) continue;
            table = Fold(table, column, target);
            column--;
        }
        return table;
    }

    // -1: a column of currency signs (they go before the values on the right); +1: of percent signs (after the values on the left); 0: neither.
    private static int KindOf(Table table, int column)
    {
        var cells = table.Cells.Where(c => c.Column <= column && c.Column + Math.Max(1, c.ColumnSpan) > column && c.Text.Length > 0).ToList();
        if (cells.Count == 0 || cells.Any(c => c.Column != column || c.ColumnSpan > 1)) return 0;
        if (cells.All(c => IsCurrency(c.Text))) return -1;
        if (cells.All(c => c.Text.Trim() == "%")) return 1;
        return 0;
    }

    private static bool IsCurrency(string text)
    {
        var t = text.Trim();
        return t.Length is > 0 and <= 3 && t.All(ch => char.GetUnicodeCategory(ch) == UnicodeCategory.CurrencySymbol);
    }

    private static Table Fold(Table table, int column, int target)
    {
        var signs = table.Cells.Where(c => c.Column == column && c.Text.Length > 0).ToDictionary(c => c.Row, c => c.Text.Trim());
        var cells = new List<TableCell>();
        var filled = new HashSet<int>();
        foreach (var cell in table.Cells)
        {
            if (cell.Column == column && cell.ColumnSpan <= 1) continue;
            var moved = cell;
            if (cell.Column == target && signs.TryGetValue(cell.Row, out var sign))
            {
                moved = cell with { Text = column < target ? Join(sign, cell.Text) : Join(cell.Text, sign) };
                filled.Add(cell.Row);
            }
            if (moved.Column > column) moved = moved with { Column = moved.Column - 1 };
            else if (moved.Column < column && moved.Column + moved.ColumnSpan > column) moved = moved with { ColumnSpan = moved.ColumnSpan - 1 };
            cells.Add(moved);
        }
        // A sign with no value beside it keeps a cell of its own in the values' column.
        var at = target > column ? target - 1 : target;
        foreach (var (row, sign) in signs)
        {
            if (!filled.Contains(row) && !cells.Any(c => c.Row <= row && c.Row + c.RowSpan > row && c.Column <= at && c.Column + c.ColumnSpan > at))
            {
                cells.Add(new TableCell(row, at, sign));
            }
        }
        return new Table(table.RowCount, table.ColumnCount - 1, cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList());
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + " " + b;
}
