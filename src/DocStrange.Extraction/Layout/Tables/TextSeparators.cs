using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Column and row separators read from where text is not: a column separator runs down a vertical
/// strip that (nearly) no word covers, a row separator between two rows of baselines. Used where a
/// table's rulings leave columns or rows undrawn, and for tables drawn with no rulings at all.
/// </summary>
public static partial class TextSeparators
{
    /// <summary>The x of each gap between <paramref name="left"/> and <paramref name="right"/> at least <paramref name="minGap"/> wide that at most <paramref name="allowedCrossings"/> words cross.</summary>
    /// <remarks>
    /// With <paramref name="numberGap"/> above zero, a narrower gap (down to that width) also parts columns where
    /// the words on both sides of it are figures with separators ("1,087,948 1,022,490"): right-aligned columns
    /// of long numbers come within a word space of each other, but two magnitudes are never one cell.
    /// </remarks>
    public static List<double> Columns(IReadOnlyList<LayoutWord> words, double left, double right, double minGap, int allowedCrossings = 0, double numberGap = 0)
    {
        var width = (int)Math.Ceiling(right - left) + 1;
        if (width <= 1) return [];
        var coverage = new int[width];
        foreach (var w in words)
        {
            var from = Math.Clamp((int)Math.Floor(w.Box.Left - left), 0, width - 1);
            var to = Math.Clamp((int)Math.Ceiling(w.Box.Right - left), 0, width - 1);
            for (var x = from; x <= to; x++) coverage[x]++;
        }
        var result = new List<double>();
        var start = -1;
        var seenText = false;
        for (var x = 0; x <= width; x++)
        {
            var free = x < width && coverage[x] <= allowedCrossings;
            if (free && start < 0) start = x;
            if (free) continue;
            // A gap counts only between text, not at the region's edges.
            if (start >= 0 && seenText && x < width
                && (x - start >= minGap || (numberGap > 0 && x - start >= numberGap && FiguresAround(words, left + start, left + x, minGap))))
            {
                result.Add(left + Center(coverage, start, x));
            }
            start = -1;
            if (x < width) seenText = true;
        }
        return result;
    }

    /// <summary>
    /// Whether the words of one row bridge the column separator at <paramref name="x"/>: one crosses it,
    /// or the two words on either side of it stand no more than a word space apart (a heading set across
    /// two columns, "Year Ended June | 30,", is one phrase, not two cells) — unless both are figures
    /// with separators ("2,241,609 | 107,549"), which are two values however close.
    /// </summary>
    public static bool Bridged(IEnumerable<LayoutWord> row, double x)
    {
        LayoutWord? left = null, right = null;
        foreach (var w in row)
        {
            if (w.Box.Left < x && w.Box.Right > x) return true;
            if (w.Box.Right <= x && (left is null || w.Box.Right > left.Box.Right)) left = w;
            if (w.Box.Left >= x && (right is null || w.Box.Left < right.Box.Left)) right = w;
        }
        if (left is null || right is null || Math.Abs(left.Baseline - right.Baseline) > 0.3 * Math.Max(1, left.FontSize)) return false;
        // Two magnitudes written with separators are two values, however close.
        if (IsMagnitude(left.Text) && IsMagnitude(right.Text) && HasSeparator(left.Text) && HasSeparator(right.Text)) return false;
        return right.Box.Left - left.Box.Right <= MaxWordSpace * Math.Max(1, Math.Min(left.FontSize, right.FontSize));
    }

    /// <summary>The widest gap between two words of one phrase, in multiples of the font size.</summary>
    public const double MaxWordSpace = 0.6;

    /// <summary>The rows of baselines the words make (top to bottom), each as the lines on it.</summary>
    public static List<List<LayoutLine>> RowsOf(IReadOnlyList<LayoutLine> lines)
    {
        var rows = new List<List<LayoutLine>>();
        foreach (var line in lines.Where(l => l.Words.Count == 0 || l.Words[0].IsUpright).OrderBy(l => l.Baseline))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            var tolerance = 0.4 * Math.Max(1, line.FontSize);
            if (row is not null && Math.Abs(row[0].Baseline - line.Baseline) <= tolerance) row.Add(line);
            else rows.Add([line]);
        }
        foreach (var row in rows) row.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        return rows;
    }

    /// <summary>The y of each separator between consecutive rows of baselines.</summary>
    public static List<double> Rows(IReadOnlyList<LayoutWord> words, ILineBuilder lineBuilder)
    {
        var rows = RowsOf(lineBuilder.Build(words));
        var result = new List<double>();
        for (var i = 1; i < rows.Count; i++)
        {
            var above = rows[i - 1].Max(l => l.Box.Bottom);
            var below = rows[i].Min(l => l.Box.Top);
            result.Add(below > above ? (above + below) / 2 : (rows[i - 1][0].Baseline + below) / 2);
        }
        return result;
    }

    // The middle of the least covered stretch of the gap.
    // Whether the words ending just before `from` and those starting just after `to` are, three or more on
    // each side, all figures, most of them written with a thousands or decimal separator.
    private static bool FiguresAround(IReadOnlyList<LayoutWord> words, double from, double to, double reach)
    {
        int leftCount = 0, rightCount = 0, leftSeparated = 0, rightSeparated = 0;
        foreach (var w in words)
        {
            var before = w.Box.Right <= from + 1 && w.Box.Right >= from - reach;
            var after = w.Box.Left >= to - 1 && w.Box.Left <= to + reach;
            if (!before && !after) continue;
            if (!IsMagnitude(w.Text)) return false;
            var separated = HasSeparator(w.Text);
            if (before) { leftCount++; if (separated) leftSeparated++; }
            else { rightCount++; if (separated) rightSeparated++; }
        }
        return leftCount >= 3 && rightCount >= 3 && leftSeparated * 2 > leftCount && rightSeparated * 2 > rightCount;
    }

    private static bool HasSeparator(string text) => text.Contains(',') || text.Contains('.');

    // A number as tables print one: digits with thousands and decimal separators, a sign or brackets, a
    // percent; or a range of two ("(1,576.0–1,754.9)", a confidence interval).
    private static bool IsMagnitude(string text) => MagnitudePattern().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-−+(]?\d[\d,.]*%?(?:[–-]\d[\d,.]*%?)?\)?$")]
    private static partial System.Text.RegularExpressions.Regex MagnitudePattern();

    private static double Center(int[] coverage, int start, int end)
    {
        var min = int.MaxValue;
        for (var x = start; x < end; x++) min = Math.Min(min, coverage[x]);
        int first = -1, last = -1;
        for (var x = start; x < end; x++)
        {
            if (coverage[x] != min) continue;
            if (first < 0) first = x;
            last = x;
        }
        return (first + last) / 2.0;
    }
}
