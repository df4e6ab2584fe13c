namespace DocStrange.Extraction.Layout.Lines;

/// <summary>
/// Joins margin line numbers to their lines, as in court transcripts, pleadings, patents and
/// manuscripts under review: a column of small integers counting up by one, aligned on their right
/// (or left) edge, at least <see cref="MinRun"/> of them. Each number and every other line on its
/// baseline become one line, so a numbered page reads line by line, each line after its number.
/// The numbered lines must read as text (most hold a letter) and the numbers stand at a margin (text
/// on one side of them only): a column counting 1, 2, 3 beside columns of figures, or a column of codes
/// inside a table, is a column of that table.
/// </summary>
public static class MarginLineNumbers
{
    /// <summary>The fewest numbers in a row that make a numbered margin.</summary>
    public const int MinRun = 5;

    private const double EdgeTolerance = 3;

    /// <summary>The lines, with each margin number's row made one line; unchanged when the page has no numbered margin.</summary>
    public static IReadOnlyList<LayoutLine> Join(IReadOnlyList<LayoutLine> original)
    {
        // A number set apart from the text after it (a fixed-pitch face lets the line run on) stands alone first.
        var lines = original.SelectMany(SplitLeadingNumber).ToList();
        var numbers = lines.Where(l => l.Words.Count == 1 && int.TryParse(l.Text, out var n) && n is > 0 and < 1000).ToList();
        if (numbers.Count < MinRun) return original;
        var run = LongestRun(numbers, l => l.Box.Right);
        if (run.Count < MinRun) run = LongestRun(numbers, l => l.Box.Left);
        if (run.Count < MinRun || !RowsHoldText(run, lines) || !AtMargin(run, lines)) return original;

        var used = new HashSet<LayoutLine>(ReferenceEqualityComparer.Instance);
        var joined = new List<LayoutLine>();
        foreach (var number in run)
        {
            var tolerance = 0.4 * Math.Max(1, number.FontSize);
            var row = lines.Where(l => l != number && !used.Contains(l) && !run.Contains(l) && Math.Abs(l.Baseline - number.Baseline) <= tolerance).ToList();
            used.Add(number);
            used.UnionWith(row);
            joined.Add(LineText.ToLine([.. number.Words, .. row.SelectMany(l => l.Words)]));
        }
        return lines.Where(l => !used.Contains(l)).Concat(joined).OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
    }

    // Whether the numbers stand at a margin: few have text on both sides of them on their row (a column of
    // codes inside a table does).
    private static bool AtMargin(List<LayoutLine> run, List<LayoutLine> lines)
    {
        var inside = 0;
        foreach (var number in run)
        {
            var tolerance = 0.4 * Math.Max(1, number.FontSize);
            var row = lines.Where(l => !run.Contains(l) && Math.Abs(l.Baseline - number.Baseline) <= tolerance).ToList();
            if (row.Any(l => l.Box.Right <= number.Box.Left) && row.Any(l => l.Box.Left >= number.Box.Right)) inside++;
        }
        return inside * 3 <= run.Count;
    }

    // Whether most numbers that have lines beside them have a letter among those lines.
    private static bool RowsHoldText(List<LayoutLine> run, List<LayoutLine> lines)
    {
        int rows = 0, text = 0;
        foreach (var number in run)
        {
            var tolerance = 0.4 * Math.Max(1, number.FontSize);
            var row = lines.Where(l => !run.Contains(l) && Math.Abs(l.Baseline - number.Baseline) <= tolerance).ToList();
            if (row.Count == 0) continue;
            rows++;
            if (row.Any(l => l.Text.Any(char.IsLetter))) text++;
        }
        return text * 2 >= rows;
    }

    private static IEnumerable<LayoutLine> SplitLeadingNumber(LayoutLine line)
    {
        if (line.Words.Count < 2 || !int.TryParse(line.Words[0].Text, out _) || line.Words[1].Box.Left - line.Words[0].Box.Right <= line.FontSize)
        {
            return [line];
        }
        return [LineText.ToLine([line.Words[0]]), LineText.ToLine(line.Words.Skip(1).ToList())];
    }

    // The longest chain of numbers on one edge, top to bottom, each one more than the one above.
    private static List<LayoutLine> LongestRun(List<LayoutLine> numbers, Func<LayoutLine, double> edge)
    {
        var best = new List<LayoutLine>();
        foreach (var group in numbers.GroupBy(l => Math.Round(edge(l) / EdgeTolerance)))
        {
            var column = numbers.Where(l => Math.Abs(edge(l) - group.Key * EdgeTolerance) <= EdgeTolerance).OrderBy(l => l.Baseline).ToList();
            var current = new List<LayoutLine>();
            foreach (var line in column)
            {
                if (current.Count > 0 && int.Parse(line.Text) != int.Parse(current[^1].Text) + 1)
                {
                    if (current.Count > best.Count) best = current;
                    current = [];
                }
                current.Add(line);
            }
            if (current.Count > best.Count) best = current;
        }
        return best;
    }
}
