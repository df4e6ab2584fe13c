using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Splits the bands between a table's horizontal rules into rows where the rules leave rows undrawn,
/// as in tables ruled only above, below and under the header. A band is split when most of its rows
/// of text fill most of the columns (full rows); a row that fills fewer columns is a row of its own
/// (a section label such as "Actual" or "Female"), and so is any row unless it reads as the wrapped
/// rest of the cells above it (a header over several lines): it fills only columns the row above
/// fills and in most of them goes on mid-phrase (it starts in lower case, or the cell above ends with
/// a hyphen, a comma or a joining word) or starts a list item with a bullet (lists inside the cells:
/// parallel lists in two cells put their items side by side). A band where some text
/// sits between two rows of text a line apart (a cell centred beside a cell of two lines, whether
/// it reads as a row of its own or, as a recogniser may read it, as part of the row beside it) stays
/// one row.
/// </summary>
public static class RowBands
{
    /// <summary>The share of the columns a row of text must fill to be a full row.</summary>
    public const double MinFill = 0.6;

    /// <summary>The row separators with the bands split; <c>Drawn</c> tells which separators are rules.</summary>
    public static (List<double> Ys, List<bool> Drawn) Split(IReadOnlyList<double> ys, IReadOnlyList<double> xs, IReadOnlyList<LayoutWord> words, ILineBuilder lineBuilder)
    {
        var resultYs = new List<double> { ys[0] };
        var drawn = new List<bool> { true };
        // Fill is measured against the columns that hold text somewhere: rules around a header cell's
        // box add slivers between the columns that no row fills.
        var usedColumns = Math.Max(1, words.Select(w => ColumnOf(w, xs)).Distinct().Count());
        for (var b = 0; b + 1 < ys.Count; b++)
        {
            var band = words.Where(w => w.CenterY > ys[b] && w.CenterY < ys[b + 1]).ToList();
            var rows = TextSeparators.RowsOf(lineBuilder.Build(band));
            var columns = rows.Select(row => ColumnsOf(row, xs)).ToList();
            var full = columns.Count(c => (double)c.Count / usedColumns >= MinFill);
            if (rows.Count >= 2 && full >= 2 && full * 2 >= rows.Count && !HasCentredCells(rows))
            {
                for (var r = 1; r < rows.Count; r++)
                {
                    if (Continues(rows[r - 1], columns[r - 1], rows[r], columns[r], xs)) continue;
                    resultYs.Add((rows[r - 1].Max(l => l.Box.Bottom) + rows[r].Min(l => l.Box.Top)) / 2);
                    drawn.Add(false);
                }
            }
            resultYs.Add(ys[b + 1]);
            drawn.Add(true);
        }
        return (resultYs, drawn);
    }

    // Whether some row of text sits between two others less than a line and a half apart: a cell
    // centred beside a cell of two lines, so the band's rows of text are not the table's rows.
    private static bool HasCentredCells(List<List<LayoutLine>> rows)
    {
        for (var r = 1; r + 1 < rows.Count; r++)
        {
            var size = Math.Max(1, rows[r].Max(l => l.FontSize));
            if (rows[r + 1][0].Baseline - rows[r - 1][0].Baseline <= 1.6 * size) return true;
        }
        // A recogniser that puts the centred cell on a line of the row beside it gives it that line's
        // baseline, but its box still stands between the two rows.
        // A row's middle is that of its words with letters or digits: leader dots sit on the baseline.
        var centres = rows.Select(row => row.SelectMany(l => l.Words).ToList())
            .Select(ws => Median((ws.Any(IsText) ? ws.Where(IsText) : ws).Select(w => w.CenterY))).ToList();
        for (var r = 1; r < rows.Count; r++)
        {
            var size = Math.Max(1, rows[r].Max(l => l.FontSize));
            if (centres[r] - centres[r - 1] > 1.6 * size) continue;
            var (low, high) = (centres[r - 1] + CentredMargin * size, centres[r] - CentredMargin * size);
            var words = rows[r - 1].Concat(rows[r]).SelectMany(l => l.Words).ToList();
            // Alone in its column over both rows, and of the rows' size (not a superscript beside a word).
            if (words.Any(w => IsText(w) && w.CenterY > low && w.CenterY < high && w.FontSize >= 0.8 * size
                && !words.Any(o => !ReferenceEquals(o, w) && o.Box.Left < w.Box.Right && w.Box.Left < o.Box.Right))) return true;
        }
        return false;
    }

    // How far, in ems, a centred cell's middle stands from the middles of the rows above and below it.
    private const double CentredMargin = 0.25;

    private static bool IsText(LayoutWord word) => word.Text.Any(char.IsLetterOrDigit);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // Whether a row goes on with the cells of the row above (a header or a cell wrapped over lines):
    // it fills only columns filled above, and in most of them its text reads as the rest of a phrase or
    // as the next item of a bulleted list.
    private static bool Continues(List<LayoutLine> above, HashSet<int> aboveColumns, List<LayoutLine> row, HashSet<int> rowColumns, IReadOnlyList<double> xs)
    {
        if (!rowColumns.IsSubsetOf(aboveColumns)) return false;
        var continued = 0;
        foreach (var column in rowColumns)
        {
            var first = WordsIn(row, column, xs).FirstOrDefault();
            var last = WordsIn(above, column, xs).LastOrDefault();
            if (first is not null && last is not null && (char.IsLower(first.Text[0]) || EndsMidPhrase(last.Text) || BulletGlyphs.StartsWithBullet(first.Text))) continued++;
        }
        return continued * 2 > rowColumns.Count;
    }

    private static readonly HashSet<string> JoiningWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "of", "the", "for", "in", "to", "with", "by", "on", "at", "a", "an", "&",
    };

    internal static bool EndsMidPhrase(string word) => word.EndsWith('-') || word.EndsWith(',') || word.EndsWith('/') || word.EndsWith('(') || JoiningWords.Contains(word);

    private static IEnumerable<LayoutWord> WordsIn(List<LayoutLine> row, int column, IReadOnlyList<double> xs) =>
        row.SelectMany(l => l.Words).Where(w => ColumnOf(w, xs) == column).OrderBy(w => w.Box.Left);

    private static HashSet<int> ColumnsOf(List<LayoutLine> row, IReadOnlyList<double> xs) =>
        row.SelectMany(l => l.Words).Select(w => ColumnOf(w, xs)).ToHashSet();

    private static int ColumnOf(LayoutWord word, IReadOnlyList<double> xs)
    {
        var c = 0;
        while (c + 2 < xs.Count && word.CenterX > xs[c + 1]) c++;
        return c;
    }
}
