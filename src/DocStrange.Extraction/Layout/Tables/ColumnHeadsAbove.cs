using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// A ruled grid whose column heads stand on its top rule, unruled (a timetable's stage names, an
/// invoice's shaded header over a ruled body): the row just above the grid, set close on its top rule,
/// whose pieces each stand within one of the grid's columns and fill two of them at least, is the
/// table's header. A caption or a line of text above the grid runs across its column rules, or stands
/// in one column alone, and is left out.
/// </summary>
public static class ColumnHeadsAbove
{
    /// <summary>The most rows of heads taken above the grid.</summary>
    public const int MaxRows = 2;

    /// <summary>The widest gap between a row of heads and the rule under it, in font sizes.</summary>
    public const double MaxGap = 0.6;

    /// <summary>
    /// The grid's box grown over the rows of heads above it, with its column rules drawn on up through them
    /// (a head's column is the grid's, though no rule parts the heads); the same box and rulings when there are none.
    /// </summary>
    public static (BoundingBox Box, List<Ruling> Rulings) Extend(BoundingBox grid, List<Ruling> rulings, IReadOnlyList<LayoutLine> lines)
    {
        var none = (grid, rulings);
        var edges = ColumnRules(grid, rulings);
        if (edges.Count < 2) return none;
        var above = lines.Where(l => l.Box.Right > grid.Left && l.Box.Left < grid.Right && l.Box.Bottom <= grid.Top + 1).ToList();
        var rows = TextSeparators.RowsOf(above).OrderByDescending(r => r.Max(l => l.Box.Bottom)).ToList();
        var top = grid.Top;
        for (var i = 0; i < Math.Min(MaxRows, rows.Count); i++)
        {
            var row = rows[i];
            var size = Math.Max(1, row.Max(l => l.FontSize));
            if (top - row.Max(l => l.Box.Bottom) > MaxGap * size) break;
            if (row.Any(l => l.Box.Left < grid.Left - 2 || l.Box.Right > grid.Right + 2)) break;
            if (row.Any(l => edges.Any(x => x > l.Box.Left + 1 && x < l.Box.Right - 1))) break;
            if (row.Select(l => edges.Count(x => x < l.Box.CenterX())).Distinct().Count() < 2) break;
            top = row.Min(l => l.Box.Top) - 1;
        }
        if (top >= grid.Top) return none;
        var drawnOn = edges.Select(x => new Ruling(x, top, x, grid.Top));
        return (new BoundingBox(grid.Left, top, grid.Right, grid.Bottom), [.. rulings, .. drawnOn]);
    }

    // The inner column rules that reach the grid's top rule, one position each.
    private static List<double> ColumnRules(BoundingBox grid, List<Ruling> rulings)
    {
        var xs = rulings.Where(r => !r.IsHorizontal && r.Y1 <= grid.Top + RulingNetwork.Tolerance && r.Y2 > grid.Top + RulingNetwork.Tolerance
                && r.Position > grid.Left + RulingNetwork.Tolerance && r.Position < grid.Right - RulingNetwork.Tolerance)
            .Select(r => r.Position).Order().ToList();
        var result = new List<double>();
        foreach (var x in xs)
        {
            if (result.Count == 0 || x - result[^1] > RulingNetwork.Tolerance) result.Add(x);
        }
        return result;
    }
}
