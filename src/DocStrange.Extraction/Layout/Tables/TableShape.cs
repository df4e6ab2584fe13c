using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Tests that tell a table from text that merely lines up: in a table most columns are filled in
/// most rows, and cells hold a few words, not lines of running text. Tables whose rows or columns
/// are read from text alignment (rather than drawn) must pass them.
/// </summary>
public static class TableShape
{
    /// <summary>Whether at least two columns are filled in half the rows or more, and the columns are filled <paramref name="minMeanFill"/> on average.</summary>
    public static bool IsFilled(Table table, double minMeanFill = 0.6)
    {
        var grid = table.ToGrid();
        var fills = new double[table.ColumnCount];
        for (var c = 0; c < table.ColumnCount; c++)
        {
            var filled = 0;
            for (var r = 0; r < table.RowCount; r++)
            {
                if (grid[r, c] is { Text.Length: > 0 }) filled++;
            }
            fills[c] = (double)filled / table.RowCount;
        }
        return fills.Count(f => f >= 0.5) >= 2 && fills.Average() >= minMeanFill;
    }

    /// <summary>Whether the filled cells hold <paramref name="maxMeanWords"/> words or more on average: lines of running text.</summary>
    public static bool IsProse(Table table, double maxMeanWords) =>
        table.Cells.Where(c => c.Text.Length > 0).DefaultIfEmpty().Average(c => c is null ? 0 : WordCount(c.Text)) >= maxMeanWords;

    /// <summary>Whether some column's cells hold at most <paramref name="maxWords"/> words each (in the median): a column of values, marks or numbers.</summary>
    public static bool HasShortColumn(Table table, int maxWords = 3) =>
        table.Cells.Where(c => c.Text.Length > 0).GroupBy(c => c.Column)
            .Any(g => Median(g.Select(c => WordCount(c.Text))) <= maxWords);

    /// <summary>Whether some row and some column each hold two or more non-empty cells: a stack of boxes with one text each is no table.</summary>
    public static bool HasRowsAndColumnsOfSeveralCells(Table table)
    {
        var filled = table.Cells.Where(c => c.Text.Length > 0).ToList();
        return filled.GroupBy(c => c.Row).Any(g => g.Count() >= 2) && filled.GroupBy(c => c.Column).Any(g => g.Count() >= 2);
    }

    /// <summary>
    /// Whether some column reads as one paragraph wrapped over its rows: in most pairs of consecutive
    /// cells the first ends mid-sentence and the next goes on in lower case.
    /// </summary>
    public static bool HasWrappedTextColumn(Table table)
    {
        var grid = table.ToGrid();
        for (var c = 0; c < table.ColumnCount; c++)
        {
            int pairs = 0, wrapped = 0;
            for (var r = 0; r + 1 < table.RowCount; r++)
            {
                if (grid[r, c] is not { Text.Length: > 0 } a || grid[r + 1, c] is not { Text.Length: > 0 } b || a == b) continue;
                pairs++;
                if (WordCount(a.Text) >= 3 && char.IsLower(b.Text[0]) && !".:;!?".Contains(a.Text[^1])) wrapped++;
            }
            if (wrapped >= 2 && wrapped * 2 >= pairs) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a table of two columns reads as one: its first column holds labels (most end with a colon)
    /// or its second holds values (most are numbers or amounts). Two blocks of text side by side (an
    /// address beside an invoice's details) line up like two columns but are read one after the other.
    /// Tables of three columns or more pass.
    /// </summary>
    public static bool HasKeyOrValueColumn(Table table)
    {
        if (table.ColumnCount != 2) return true;
        var grid = table.ToGrid();
        int labels = 0, values = 0, rows = 0;
        for (var r = 0; r < table.RowCount; r++)
        {
            var key = grid[r, 0]?.Text ?? "";
            var value = grid[r, 1]?.Text ?? "";
            if (key.Length == 0 && value.Length == 0) continue;
            rows++;
            if (key.TrimEnd().EndsWith(':')) labels++;
            if (IsValue(value)) values++;
        }
        return labels * 2 > rows || values * 2 > rows;
    }

    /// <summary>Whether the text is a number, an amount or a percentage: digits with separators, signs, currency marks and brackets.</summary>
    public static bool IsValue(string text)
    {
        var t = text.Trim();
        return t.Length > 0 && t.Any(char.IsDigit) && t.All(c => char.IsDigit(c) || " .,-−+%()$€£¥/:".Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol);
    }

    /// <summary>The number of words in the text: tokens with a letter or digit (leader dots and bullets are not words).</summary>
    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(t => t.Any(char.IsLetterOrDigit));

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
