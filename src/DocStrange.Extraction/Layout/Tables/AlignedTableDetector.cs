using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Tables drawn without rulings, found by column alignment (in the spirit of Tabula's stream mode,
/// Nurminen 2013, and of T-Recs, Kieninger 1998): a run of consecutive rows of text, most of which
/// hold two or more segments separated by wide gaps, whose words leave vertical gaps that line up
/// down the whole run. The gaps are the column separators and the rows the row separators; a row
/// close under the one above that only fills columns that row fills continues its cells (a header
/// wrapped over two lines) unless it holds only figures. Lines are first split at dot leaders, so a
/// table of contents reads as entries and page numbers. The result must look like a table (<see cref="TableShape"/>): filled
/// columns, one column of short values, no lines of running text side by side or wrapped down a
/// column, not all code (all fixed-pitch on a page that is not typewritten as a whole).
/// </summary>
public sealed class AlignedTableDetector(AlignedTableOptions options, ILineBuilder lineBuilder) : ITableDetector
{
    /// <summary>A detector with the default options.</summary>
    public static AlignedTableDetector Instance { get; } = new(AlignedTableOptions.Default, LineBuilder.Instance);

    /// <inheritdoc />
    public IReadOnlyList<TableRegion> Detect(PageContent page, IReadOnlyList<LayoutLine> lines)
    {
        var result = new List<TableRegion>();
        var typewritten = FixedPitchPages.IsTypewritten(page.Words);
        foreach (var part in PageGutters.Split(lines.Where(l => l.Words.Count > 0 && l.Words[0].IsUpright).ToList()))
        {
            var segments = part.SelectMany(SplitAtLeader).ToList();
            var rows = TextSeparators.RowsOf(segments);
            var runs = new List<(int Start, int End)>();
            for (var i = 0; i < rows.Count;)
            {
                if (rows[i].Count < 2) { i++; continue; }
                var end = RunEnd(rows, i);
                runs.Add((i, end));
                i = end + 1;
            }
            var floor = 0;
            for (var k = 0; k < runs.Count; k++)
            {
                var (start, end) = runs[k];
                var region = end - start + 1 >= options.MinRows ? Build(rows.GetRange(start, end - start + 1), typewritten) : null;
                // Runs parted only by a section label ("Class B", "Total for the Fund") or a wider step
                // before a total are one table when together they still make one.
                while (k + 1 < runs.Count && SectionBreak(rows, runs[k], runs[k + 1])
                    && Build(rows.GetRange(start, runs[k + 1].End - start + 1), typewritten) is { } joined
                    && joined.Table.ColumnCount >= Math.Max(region?.Table.ColumnCount ?? 0, ColumnsAlone(rows, runs[k + 1], typewritten)))
                {
                    region = joined;
                    k++;
                }
                if (region is not null) result.Add(WithColumnHeads(rows, start, runs[k].End, floor, region, typewritten));
                floor = runs[k].End + 1;
            }
        }
        return result;
    }

    // Whether what parts two runs is a section break inside one table: at most two rows between them,
    // each one short label starting at the table's left edge (not a sentence), and a step down of at
    // most a few rows' height.
    private static bool SectionBreak(List<List<LayoutLine>> rows, (int Start, int End) above, (int Start, int End) below)
    {
        const int MaxLabels = 2;
        if (below.Start - above.End - 1 > MaxLabels) return false;
        var run = rows.GetRange(above.Start, above.End - above.Start + 1);
        var left = run.Min(r => r[0].Box.Left);
        var width = run.Max(r => r[^1].Box.Right) - left;
        var size = Math.Max(1, run[0][0].FontSize);
        for (var r = above.End + 1; r < below.Start; r++)
        {
            var line = rows[r][0];
            if (rows[r].Count != 1 || Math.Abs(line.Box.Left - left) > size || line.Box.Width > 0.6 * width || line.Text.TrimEnd().EndsWith('.')) return false;
        }
        // A row's height and a half of space, and a row for each label: a line far below (a page's
        // footer) is no total of the table.
        var step = rows[below.Start].Min(l => l.Box.Top) - rows[above.End].Max(l => l.Box.Bottom);
        return step <= (below.Start - above.End - 1 + 2.5) * Math.Max(size, Pitch(run));
    }

    // Rows just above the table whose text stands only over its value columns ("2016", "Year ended",
    // "(In millions)") head those columns, with any section labels between them and the table: the
    // table takes them in when it keeps its columns. A caption is no column head.
    private TableRegion WithColumnHeads(List<List<LayoutLine>> rows, int start, int end, int floor, TableRegion region, bool typewritten)
    {
        const int MaxRowsAbove = 4;
        var run = rows.GetRange(start, end - start + 1);
        var left = run.Min(r => r[0].Box.Left);
        var right = run.Max(r => r[^1].Box.Right);
        var labelsRight = run.Where(r => r.Count >= 2).Max(r => r[0].Box.Right);
        var widestValue = run.Where(r => r.Count >= 2).SelectMany(r => r.Skip(1)).Max(l => l.Box.Width);
        var size = Math.Max(1, run[0][0].FontSize);
        var step = 2.5 * Math.Max(size, Pitch(run));
        var top = start;
        for (var r = start - 1; r >= Math.Max(floor, start - MaxRowsAbove); r--)
        {
            if (rows[r + 1].Min(l => l.Box.Top) - rows[r].Max(l => l.Box.Bottom) > step) break;
            var heads = rows[r].All(l => l.Box.Left > labelsRight && l.Box.Right <= right + size && l.Box.Width <= 3 * widestValue)
                && !CaptionPrefix.IsCaption(rows[r][0].Text);
            var label = rows[r].Count == 1 && Math.Abs(rows[r][0].Box.Left - left) <= size && rows[r][0].Box.Width <= 0.6 * (right - left)
                && !rows[r][0].Text.TrimEnd().EndsWith('.');
            if (heads) top = r;
            else if (!label) break;
        }
        if (top == start) return region;
        // Heads that go on in a row above which the table cannot take (the first lines of a header set
        // over several) stay out whole rather than half.
        if (top > 0 && rows[top].Min(l => l.Box.Top) - rows[top - 1].Max(l => l.Box.Bottom) <= step && rows[top - 1].Any(l => l.Box.Left > labelsRight)) return region;
        return Build(rows.GetRange(top, end - top + 1), typewritten) is { } headed && headed.Table.ColumnCount >= region.Table.ColumnCount ? headed : region;
    }

    // The columns of the run as a table of its own (0 when it makes none): joining it to the run above
    // must not lose them, as a header of fewer segments would.
    private int ColumnsAlone(List<List<LayoutLine>> rows, (int Start, int End) run, bool typewritten) =>
        run.End - run.Start + 1 >= options.MinRows && Build(rows.GetRange(run.Start, run.End - run.Start + 1), typewritten) is { } alone ? alone.Table.ColumnCount : 0;

    // The median step between the baselines of the run's rows (0 for one row).
    private static double Pitch(List<List<LayoutLine>> run) =>
        run.Count < 2 ? 0 : Enumerable.Range(1, run.Count - 1).Select(r => run[r][0].Baseline - run[r - 1][0].Baseline).Order().ElementAt((run.Count - 1) / 2);

    private static IEnumerable<LayoutLine> SplitAtLeader(LayoutLine line) =>
        LeaderDots.Split(line.Words) is var (entry, target) ? [LineText.ToLine(entry), LineText.ToLine(target)] : [line];

    // The last row of the run that starts at row i: rows follow each other closely and evenly (a gap
    // well over the run's row pitch starts another block), and a row of one segment stays in the run
    // only between rows of several.
    private int RunEnd(List<List<LayoutLine>> rows, int start)
    {
        var end = start;
        var pitches = new List<double>();
        for (var j = start + 1; j < rows.Count && Close(rows[j - 1], rows[j]) && Even(pitches, rows[j - 1], rows[j]); j++)
        {
            pitches.Add(rows[j][0].Baseline - rows[j - 1][0].Baseline);
            if (rows[j].Count >= 2) end = j;
            else if (j + 1 >= rows.Count || rows[j + 1].Count < 2 || !Close(rows[j], rows[j + 1])) break;
        }
        return end;
    }

    // Whether the step to the next row keeps the pitch of the rows so far (the first steps set it).
    private bool Even(List<double> pitches, List<LayoutLine> above, List<LayoutLine> below)
    {
        if (pitches.Count < 2) return true;
        var pitch = pitches.Order().ElementAt(pitches.Count / 2);
        return below[0].Baseline - above[0].Baseline <= options.MaxPitchGrowth * pitch;
    }

    private bool Close(List<LayoutLine> above, List<LayoutLine> below)
    {
        var size = Math.Max(1, above.Max(l => l.FontSize));
        return below.Min(l => l.Box.Top) - above.Max(l => l.Box.Bottom) <= options.MaxRowGap * size;
    }

    private TableRegion? Build(List<List<LayoutLine>> rows, bool typewritten)
    {
        var words = rows.SelectMany(r => r.SelectMany(l => l.Words)).ToList();
        // Code lines up because its face is fixed-pitch; on a typewritten page the face tells nothing.
        if (!typewritten && words.All(w => w.Monospace)) return null;
        var size = words.Select(w => w.FontSize).Order().ElementAt(words.Count / 2);
        var box = words.Select(w => w.Box).UnionAll()!.Value;
        var gaps = TextSeparators.Columns(words, box.Left, box.Right, options.MinColumnGap * size, rows.Count >= 4 ? 1 : 0, 0.1 * size);
        if (gaps.Count == 0) return null;
        var ys = new List<double> { box.Top };
        for (var r = 1; r < rows.Count; r++) ys.Add((rows[r - 1].Max(l => l.Box.Bottom) + rows[r].Min(l => l.Box.Top)) / 2);
        ys.Add(box.Bottom);
        var grid = new CellGrid([box.Left, .. gaps, box.Right], ys);
        var filled = new List<HashSet<int>>();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWords = rows[r].SelectMany(l => l.Words).ToList();
            for (var k = 1; k < grid.Columns; k++)
            {
                if (TextSeparators.Bridged(rowWords, grid.X(k))) grid.JoinAcross(r, k);
            }
            filled.Add(rowWords.Select(w => Column(grid, w.CenterX)).ToHashSet());
        }
        var fullRows = filled[0].Count == grid.Columns ? 1 : 0;
        for (var r = 1; r < rows.Count; r++)
        {
            var spacing = rows[r][0].Baseline - rows[r - 1][0].Baseline;
            var continues = spacing <= options.MaxContinuationSpacing * size && filled[r].IsSubsetOf(filled[r - 1]) && filled[r].Count < grid.Columns
                && !AllValues(rows[r])
                // Under the header (two full rows seen), a row continues only where its text reads on: a lone label
                // ("Race" under "Male") starts a section, "Alaska Native" under "American Indian/" goes on.
                && (fullRows < 2 || ReadsOn(rows[r - 1], rows[r], grid));
            if (filled[r].Count == grid.Columns) fullRows++;
            if (!continues) continue;
            for (var c = 0; c < grid.Columns; c++) grid.JoinDown(r, c);
        }
        var table = grid.ToTable(words, lineBuilder);
        if (table is null || table.RowCount < 2) return null;
        if (!TableShape.IsFilled(table) || !TableShape.HasShortColumn(table) || TableShape.IsProse(table, options.MaxMeanWordsPerCell)
            || TableShape.HasWrappedTextColumn(table) || !TableShape.HasKeyOrValueColumn(table)) return null;
        return new TableRegion(table, box, words);
    }

    // Whether most of the row's cells read as the rest of the cell above: lower case, or the text above
    // stops mid-phrase. "C2" under "C1" is a row of its own; "manufacturers, chemical" goes on.
    private static bool ReadsOn(List<LayoutLine> above, List<LayoutLine> row, CellGrid grid)
    {
        int cells = 0, going = 0;
        foreach (var column in row.SelectMany(l => l.Words).GroupBy(w => Column(grid, w.CenterX)))
        {
            cells++;
            var first = column.OrderBy(w => w.Box.Left).First();
            var last = above.SelectMany(l => l.Words).Where(w => Column(grid, w.CenterX) == column.Key).OrderBy(w => w.Box.Left).LastOrDefault();
            if (char.IsLower(first.Text[0]) || (last is not null && RowBands.EndsMidPhrase(last.Text))) going++;
        }
        return going * 2 > cells;
    }

    // A row of figures only is a row of its own: numbers do not wrap onto the next line.
    private static bool AllValues(List<LayoutLine> row) => row.All(l => TableShape.IsValue(l.Text));

    private static int Column(CellGrid grid, double x)
    {
        for (var k = 1; k < grid.Columns; k++) if (x < grid.X(k)) return k - 1;
        return grid.Columns - 1;
    }
}
