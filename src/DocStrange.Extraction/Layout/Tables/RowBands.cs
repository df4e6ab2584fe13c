using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Splits the bands between a table's horizontal rules into rows where the rules leave rows undrawn,
/// as in tables ruled only above, below and under the header: a band whose rows of text each fill
/// most of the columns is that many rows. A band where some text sits between the rows (a cell
/// centred across two lines) is one row whose cells hold several lines.
/// </summary>
public static class RowBands
{
    /// <summary>The share of the columns every row of text in a band must fill for the band to be split.</summary>
    public const double MinFill = 0.6;

    /// <summary>The row separators with the bands split; <c>Drawn</c> tells which separators are rules.</summary>
    public static (List<double> Ys, List<bool> Drawn) Split(IReadOnlyList<double> ys, IReadOnlyList<double> xs, IReadOnlyList<LayoutWord> words, ILineBuilder lineBuilder)
    {
        var resultYs = new List<double> { ys[0] };
        var drawn = new List<bool> { true };
        for (var b = 0; b + 1 < ys.Count; b++)
        {
            var band = words.Where(w => w.CenterY > ys[b] && w.CenterY < ys[b + 1]).ToList();
            var rows = TextSeparators.RowsOf(lineBuilder.Build(band));
            if (rows.Count >= 2 && rows.All(row => Fill(row, xs) >= MinFill))
            {
                for (var r = 1; r < rows.Count; r++)
                {
                    resultYs.Add((rows[r - 1].Max(l => l.Box.Bottom) + rows[r].Min(l => l.Box.Top)) / 2);
                    drawn.Add(false);
                }
            }
            resultYs.Add(ys[b + 1]);
            drawn.Add(true);
        }
        return (resultYs, drawn);
    }

    // The share of the columns the row's words fall in.
    private static double Fill(List<LayoutLine> row, IReadOnlyList<double> xs)
    {
        var columns = new HashSet<int>();
        foreach (var word in row.SelectMany(l => l.Words))
        {
            var c = 0;
            while (c + 2 < xs.Count && word.CenterX > xs[c + 1]) c++;
            columns.Add(c);
        }
        return (double)columns.Count / Math.Max(1, xs.Count - 1);
    }
}
