using DocStrange.Document.Model;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// Splits a sheet into its data regions, each a table: cells that touch side by side or one above the
/// other (a merged range counts as filled throughout) belong to one region. Found with union-find over
/// each row's runs of adjacent cells, so a large sheet costs one pass over its cells. Inside a region,
/// columns with no text are dropped; merged ranges become spans. The first row holds header cells when
/// it is all text over rows that are not.
/// </summary>
internal static class SheetRegions
{
    private const int MaxMergeArea = 100_000;

    public static List<Table> Tables(SheetCells sheet)
    {
        var occupancy = Occupancy(sheet);
        var runs = new List<(int Row, int From, int To)>();
        var parent = new List<int>();
        var previous = new List<int>();
        var previousRow = int.MinValue;
        foreach (var (row, columns) in occupancy)
        {
            var current = new List<int>();
            foreach (var (from, to) in Runs(columns))
            {
                var id = runs.Count;
                runs.Add((row, from, to));
                parent.Add(id);
                current.Add(id);
                if (previousRow != row - 1) continue;
                foreach (var p in previous)
                {
                    if (runs[p].From <= to && from <= runs[p].To) Union(parent, p, id);
                }
            }
            previous = current;
            previousRow = row;
        }
        var regions = new Dictionary<int, (int Top, int Left, int Bottom, int Right)>();
        for (var i = 0; i < runs.Count; i++)
        {
            var root = Find(parent, i);
            var (row, from, to) = runs[i];
            regions[root] = regions.TryGetValue(root, out var r)
                ? (Math.Min(r.Top, row), Math.Min(r.Left, from), Math.Max(r.Bottom, row), Math.Max(r.Right, to))
                : (row, from, row, to);
        }
        return regions.Values.OrderBy(r => r.Top).ThenBy(r => r.Left).Select(r => ToTable(sheet, r)).OfType<Table>().ToList();
    }

    // Each row's filled columns, sorted, with merged ranges filled in; rows in order.
    private static IEnumerable<(int Row, List<int> Columns)> Occupancy(SheetCells sheet)
    {
        var merged = new Dictionary<int, List<int>>();
        var anchors = sheet.Rows.ToDictionary(r => r.Row, r => r.Cells);
        foreach (var (top, left, bottom, right) in sheet.Merges)
        {
            if (!anchors.TryGetValue(top, out var anchorRow) || anchorRow.BinarySearch((left, ""), ColumnOrder.Instance) < 0) continue;
            if ((long)(bottom - top + 1) * (right - left + 1) > MaxMergeArea) continue;
            for (var r = top; r <= bottom; r++)
            {
                var list = merged.TryGetValue(r, out var l) ? l : merged[r] = [];
                for (var c = left; c <= right; c++) list.Add(c);
            }
        }
        var rows = sheet.Rows.Select(r => r.Row).Union(merged.Keys).Order();
        foreach (var row in rows)
        {
            var columns = anchors.TryGetValue(row, out var cells) ? cells.Select(c => c.Column).ToList() : [];
            if (merged.TryGetValue(row, out var extra))
            {
                columns.AddRange(extra);
                columns = columns.Distinct().Order().ToList();
            }
            yield return (row, columns);
        }
    }

    private static IEnumerable<(int From, int To)> Runs(List<int> columns)
    {
        int from = -2, to = -2;
        foreach (var c in columns)
        {
            if (c == to + 1)
            {
                to = c;
                continue;
            }
            if (from >= 0) yield return (from, to);
            from = to = c;
        }
        if (from >= 0) yield return (from, to);
    }

    private static Table? ToTable(SheetCells sheet, (int Top, int Left, int Bottom, int Right) region)
    {
        var rows = RowsIn(sheet, region).ToList();
        var merges = sheet.Merges.Where(m => m.Row >= region.Top && m.Row <= region.Bottom && m.Column >= region.Left && m.Column <= region.Right)
            .GroupBy(m => (m.Row, m.Column)).ToDictionary(g => g.Key, g => g.First());
        var used = new SortedSet<int>();
        foreach (var (_, cells) in rows)
        {
            foreach (var (column, _) in cells) used.Add(column);
        }
        if (used.Count == 0) return null;
        foreach (var m in merges.Values)
        {
            for (var c = m.Column; c <= Math.Min(m.LastColumn, region.Right); c++) used.Add(c);
        }
        var columnIndex = new Dictionary<int, int>(used.Count);
        foreach (var c in used) columnIndex[c] = columnIndex.Count;
        var rowCount = region.Bottom - region.Top + 1;
        var header = rowCount > 1 && rows[0].Row == region.Top && rows[0].Cells.All(c => !LooksNumeric(c.Text));
        var output = new List<TableCell>();
        foreach (var (row, cells) in rows)
        {
            foreach (var (column, text) in cells)
            {
                int rowSpan = 1, columnSpan = 1;
                if (merges.TryGetValue((row, column), out var m))
                {
                    rowSpan = Math.Min(m.LastRow, region.Bottom) - row + 1;
                    columnSpan = Math.Max(1, used.GetViewBetween(column, Math.Min(m.LastColumn, region.Right)).Count);
                }
                output.Add(new TableCell(row - region.Top, columnIndex[column], text, rowSpan, columnSpan, header && row == region.Top));
            }
        }
        return new Table(rowCount, used.Count, output);
    }

    // The region's part of each row that has cells in it.
    private static IEnumerable<(int Row, List<(int Column, string Text)> Cells)> RowsIn(SheetCells sheet, (int Top, int Left, int Bottom, int Right) region)
    {
        var all = sheet.Rows;
        int lo = 0, hi = all.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (all[mid].Row < region.Top) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < all.Count && all[i].Row <= region.Bottom; i++)
        {
            var inside = all[i].Cells.Where(c => c.Column >= region.Left && c.Column <= region.Right).ToList();
            if (inside.Count > 0) yield return (all[i].Row, inside);
        }
    }

    private static bool LooksNumeric(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Any, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static int Find(List<int> parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(List<int> parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}

/// <summary>Orders a row's cells by column alone.</summary>
internal sealed class ColumnOrder : IComparer<(int Column, string Text)>
{
    public static readonly ColumnOrder Instance = new();

    public int Compare((int Column, string Text) x, (int Column, string Text) y) => x.Column.CompareTo(y.Column);
}
