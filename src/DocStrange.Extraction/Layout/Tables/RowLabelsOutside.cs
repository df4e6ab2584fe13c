using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// A ruled grid whose row labels stand outside it, on its left, unruled (an election return's precinct
/// names, a statement's line captions beside a boxed grid of figures): each label sits between the rules
/// of its row, so the labels are the table's first column. The strip left of the grid is taken only when
/// every line in it fits one row of the grid, lines are short, several rows are labelled and each
/// labelled row holds figures in the grid; prose beside a table, whose leading has nothing to do with
/// the grid's rows, straddles its rules and is left alone.
/// </summary>
public static class RowLabelsOutside
{
    /// <summary>The fewest labelled rows that make the strip a column of the table.</summary>
    public const int MinLabels = 3;

    /// <summary>The most words of one label line.</summary>
    public const int MaxWords = 6;

    /// <summary>The widest gap between the labels and the grid, in font sizes.</summary>
    public const double MaxGap = 8;

    // A rule of the grid's rows runs over most of its width, drawn in one stroke or in segments cell by cell.
    private const double RowRuleShare = 0.8;

    private static IEnumerable<double> RowRules(BoundingBox grid, List<Ruling> rulings)
    {
        var horizontals = rulings.Where(r => r.IsHorizontal).OrderBy(r => r.Position).ToList();
        for (var i = 0; i < horizontals.Count;)
        {
            var j = i;
            while (j < horizontals.Count && horizontals[j].Position - horizontals[i].Position <= RulingNetwork.Tolerance * 1.5) j++;
            var covered = Covered(horizontals.Skip(i).Take(j - i), grid.Left, grid.Right);
            if (covered >= RowRuleShare * grid.Width) yield return horizontals[i].Position;
            i = j;
        }
    }

    // The length of [from, to] the rulings' union covers.
    private static double Covered(IEnumerable<Ruling> rulings, double from, double to)
    {
        double total = 0, reached = from;
        foreach (var r in rulings.OrderBy(r => r.Start))
        {
            var start = Math.Max(r.Start, reached);
            var end = Math.Min(r.End, to);
            if (end > start) total += end - start;
            reached = Math.Max(reached, end);
        }
        return total;
    }

    /// <summary>
    /// The grid's box grown over the labels of its rows on its left, with its row rules drawn on over them
    /// (a label's row is the grid's, though no rule parts the labels) and its left edge down all their rows; the same box and rulings when there are none.
    /// </summary>
    public static (BoundingBox Box, List<Ruling> Rulings) Extend(BoundingBox grid, List<Ruling> rulings, IReadOnlyList<LayoutLine> lines)
    {
        var none = (grid, rulings);
        var rules = RowRules(grid, rulings).Append(grid.Top).Append(grid.Bottom).Order().ToList();
        if (rules.Count < MinLabels + 1) return none;
        var beside = lines.Where(l => l.Box.Right <= grid.Left + 1 && l.Box.CenterY() > grid.Top && l.Box.CenterY() < grid.Bottom).ToList();
        if (beside.Count < MinLabels) return none;
        var size = beside.Select(l => l.FontSize).Order().ElementAt(beside.Count / 2);
        var strip = beside.Where(l => grid.Left - l.Box.Right <= MaxGap * size).ToList();
        // Every line of the strip, not only the nearest: a paragraph set beside the grid reaches as far.
        if (strip.Count < MinLabels) return none;
        var stripLeft = strip.Min(l => l.Box.Left);
        if (strip.Count != beside.Count(l => l.Box.Right >= stripLeft)) return none;
        var bands = new HashSet<int>();
        foreach (var line in strip)
        {
            if (line.Words.Count > MaxWords) return none;
            var band = rules.FindLastIndex(y => y <= line.Box.CenterY());
            if (band < 0 || band + 1 >= rules.Count || line.Box.Top < rules[band] - 1 || line.Box.Bottom > rules[band + 1] + 1) return none;
            if (!lines.Any(l => l.Box.Left >= grid.Left && l.Box.Right <= grid.Right && l.Box.CenterY() > rules[band] && l.Box.CenterY() < rules[band + 1])) return none;
            bands.Add(band);
        }
        if (bands.Count < MinLabels) return none;
        var left = stripLeft - 1;
        // The grid's left edge parts the labels from the figures in every labelled row, though it may be drawn over fewer.
        var edge = new Ruling(grid.Left, rules[bands.Min()], grid.Left, rules[bands.Max() + 1]);
        var drawnOn = rules.Select(y => new Ruling(left, y, grid.Left, y)).Append(edge);
        return (new BoundingBox(left, grid.Top, grid.Right, grid.Bottom), [.. rulings, .. drawnOn]);
    }
}
