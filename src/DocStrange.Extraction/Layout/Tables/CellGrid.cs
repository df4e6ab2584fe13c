using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// A table from a grid of column and row separators: elementary cells are merged across every
/// separator segment that is absent (no ruling there, or a word crossing it), giving cells with row
/// and column spans (a merged region that is not a rectangle is widened to its bounding rectangle).
/// Each word goes to the cell holding its centre (a currency sign to the cell of the amount after it);
/// a cell's text is its words read as lines, joined
/// with hyphenation repaired. Rows and columns that get no word are dropped; a table in a right-to-left
/// script has its columns numbered from the right.
/// </summary>
public sealed class CellGrid
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly int[] _parent;

    /// <summary>A grid with the given separators (sorted, outer edges included) and all segments present.</summary>
    public CellGrid(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        _xs = xs.ToArray();
        _ys = ys.ToArray();
        _parent = Enumerable.Range(0, Rows * Columns).ToArray();
    }

    /// <summary>The number of elementary rows.</summary>
    public int Rows => _ys.Length - 1;

    /// <summary>The number of elementary columns.</summary>
    public int Columns => _xs.Length - 1;

    /// <summary>The x of separator <paramref name="k"/> (0 and <see cref="Columns"/> are the outer edges).</summary>
    public double X(int k) => _xs[k];

    /// <summary>The y of separator <paramref name="k"/> (0 and <see cref="Rows"/> are the outer edges).</summary>
    public double Y(int k) => _ys[k];

    /// <summary>Removes the vertical separator between columns <paramref name="column"/> - 1 and <paramref name="column"/> in one row.</summary>
    public void JoinAcross(int row, int column) => Union(row * Columns + column - 1, row * Columns + column);

    /// <summary>Removes the horizontal separator between rows <paramref name="row"/> - 1 and <paramref name="row"/> in one column.</summary>
    public void JoinDown(int row, int column) => Union((row - 1) * Columns + column, row * Columns + column);

    /// <summary>The table the grid and the words make; null when fewer than two rows and two columns hold text.</summary>
    public Table? ToTable(IReadOnlyList<LayoutWord> words, ILineBuilder lineBuilder)
    {
        var wordsByCell = new Dictionary<int, List<LayoutWord>>();
        foreach (var word in words)
        {
            // A word the table took sits in it, if only just: one a hair outside the edges goes to the edge cell.
            var c = Math.Clamp(Locate(_xs, BindingX(word, words)), 0, Columns - 1);
            var r = Math.Clamp(Locate(_ys, word.CenterY), 0, Rows - 1);
            var root = Find(r * Columns + c);
            if (!wordsByCell.TryGetValue(root, out var list)) wordsByCell[root] = list = [];
            list.Add(word);
        }
        var rects = Rectangles();
        var usedRows = new SortedSet<int>();
        var usedColumns = new SortedSet<int>();
        var cells = new List<(int Row, int Column, int RowEnd, int ColumnEnd, string Text)>();
        foreach (var (root, rect) in rects)
        {
            var text = "";
            foreach (var member in rect.Members)
            {
                if (wordsByCell.TryGetValue(member, out var list)) text = CellText(list, lineBuilder, text);
            }
            cells.Add((rect.Row, rect.Column, rect.RowEnd, rect.ColumnEnd, text));
            if (text.Length == 0) continue;
            usedRows.Add(rect.Row);
            usedColumns.Add(rect.Column);
        }
        if (usedRows.Count < 2 || usedColumns.Count < 2) return null;
        var table = Compact(cells, usedRows, usedColumns);
        if (!TableShape.HasRowsAndColumnsOfSeveralCells(table)) return null;
        // A table in a right-to-left script is read from its right-hand column: its first column is that one.
        return words.Sum(w => Bidi.HasRightToLeft(w.Text) ? w.Text.Length : -w.Text.Length) > 0 ? Mirror(table) : table;
    }

    private static Table Mirror(Table table) =>
        TableHeaders.Mark(table with
        {
            Cells = table.Cells.Select(c => c with { Column = table.ColumnCount - c.Column - Math.Max(1, c.ColumnSpan), IsHeader = false })
                .OrderBy(c => c.Row).ThenBy(c => c.Column).ToList(),
        });

    // Keeps the rows and columns where some non-empty cell starts; spans shrink to match.
    private static Table Compact(List<(int Row, int Column, int RowEnd, int ColumnEnd, string Text)> cells, SortedSet<int> rows, SortedSet<int> columns)
    {
        var rowIndex = rows.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        var columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        static int Kept(SortedSet<int> kept, int from, int to) => kept.Count(k => k >= from && k <= to);
        var result = new List<TableCell>();
        foreach (var cell in cells)
        {
            if (!rowIndex.TryGetValue(cell.Row, out var r) || !columnIndex.TryGetValue(cell.Column, out var c)) continue;
            var rowSpan = Math.Max(1, Kept(rows, cell.Row, cell.RowEnd));
            var columnSpan = Math.Max(1, Kept(columns, cell.Column, cell.ColumnEnd));
            result.Add(new TableCell(r, c, cell.Text, rowSpan, columnSpan));
        }
        return TableHeaders.Mark(UnitColumns.Merge(new Table(rows.Count, columns.Count, result.OrderBy(x => x.Row).ThenBy(x => x.Column).ToList())));
    }

    private static string CellText(List<LayoutWord> words, ILineBuilder lineBuilder, string before)
    {
        // Lines of one baseline read left to right, whatever their tops: a word set a hair higher is not a
        // line above. Lines turned sideways keep the order the line builder gave them.
        var lines = lineBuilder.Build(words);
        var rightToLeft = words.Sum(w => Bidi.HasRightToLeft(w.Text) ? w.Text.Length : -w.Text.Length) > 0;
        var upright = TextSeparators.RowsOf(lines).SelectMany(row => rightToLeft ? row.OrderByDescending(l => l.Box.Right) : (IEnumerable<LayoutLine>)row);
        var sideways = lines.Where(l => l.Words.Count > 0 && !l.Words[0].IsUpright);
        var text = LineJoiner.Join(upright.Concat(sideways).ToList());
        return before.Length == 0 ? text : before + " " + text;
    }

    private sealed record Rect(int Row, int Column, int RowEnd, int ColumnEnd, List<int> Members);

    // Each merged region as its bounding rectangle of elementary cells; overlapping rectangles are merged.
    private Dictionary<int, Rect> Rectangles()
    {
        while (true)
        {
            var rects = new Dictionary<int, Rect>();
            for (var i = 0; i < _parent.Length; i++)
            {
                var root = Find(i);
                int r = i / Columns, c = i % Columns;
                rects[root] = rects.TryGetValue(root, out var x)
                    ? x with { Row = Math.Min(x.Row, r), Column = Math.Min(x.Column, c), RowEnd = Math.Max(x.RowEnd, r), ColumnEnd = Math.Max(x.ColumnEnd, c) }
                    : new Rect(r, c, r, c, []);
                rects[root].Members.Add(i);
            }
            var changed = false;
            foreach (var (root, rect) in rects)
            {
                for (var r = rect.Row; r <= rect.RowEnd; r++)
                {
                    for (var c = rect.Column; c <= rect.ColumnEnd; c++)
                    {
                        if (Find(r * Columns + c) != Find(root)) { Union(root, r * Columns + c); changed = true; }
                    }
                }
            }
            if (!changed) return rects;
        }
    }

    // Where a word belongs across: its centre, except for a lone currency sign, which belongs with the
    // amount after it on its row ("$   211,915"), however far apart the layout set them.
    private static double BindingX(LayoutWord word, IReadOnlyList<LayoutWord> words)
    {
        if (!IsCurrencySign(word.Text)) return word.CenterX;
        var size = Math.Max(1, word.FontSize);
        var next = words.Where(w => w.Box.Left >= word.Box.Right && Math.Abs(w.Baseline - word.Baseline) <= 0.5 * size && w.Text.Any(char.IsDigit))
            .MinBy(w => w.Box.Left);
        return next?.CenterX ?? word.CenterX;
    }

    private static bool IsCurrencySign(string text) =>
        text.Length is > 0 and <= 3 && text.All(ch => char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.CurrencySymbol);

    // The index of the interval holding v: -1 before the first edge, the last interval's index past the last.
    private static int Locate(double[] edges, double v)
    {
        if (v < edges[0]) return -1;
        if (v > edges[^1]) return edges.Length - 2;
        for (var i = 1; i < edges.Length; i++) if (v <= edges[i]) return i - 1;
        return edges.Length - 2;
    }

    private int Find(int i)
    {
        while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
        return i;
    }

    private void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a != b) _parent[Math.Max(a, b)] = Math.Min(a, b);
    }
}
