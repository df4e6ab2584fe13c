using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Tables drawn with rulings (Tabula's lattice mode, Nurminen 2013, generalised): each network of
/// touching rulings, or stack of horizontal rules with the same ends, frames a candidate. Its column
/// separators are its vertical rulings, or, where it has none inside, the vertical gaps in its text;
/// its row separators are its horizontal rulings, or the gaps between its rows of text, also inside
/// a band between two rules that holds several full rows (<see cref="RowBands"/>). A separator
/// segment a ruling does not draw is absent, so cells span rows and columns as drawn (a table open
/// at its left and right edges still works: the frame's box closes it). See <see cref="CellGrid"/>.
/// </summary>
public sealed class RuledTableDetector(RuledTableOptions options, ILineBuilder lineBuilder) : ITableDetector
{
    /// <summary>A detector with the default options.</summary>
    public static RuledTableDetector Instance { get; } = new(RuledTableOptions.Default, LineBuilder.Instance);

    /// <inheritdoc />
    public IReadOnlyList<TableRegion> Detect(PageContent page, IReadOnlyList<LayoutLine> lines)
    {
        var words = lines.SelectMany(l => l.Words).ToList();
        if (page.Rulings.Count < 2 || words.Count == 0) return [];
        var merged = PageFrame.RemoveFrames(RulingNetwork.Merge(page.Rulings), page.Width, page.Height);
        var result = new List<TableRegion>();
        var taken = new HashSet<LayoutWord>(ReferenceEqualityComparer.Instance);
        foreach (var (rulings, frame) in Frames(merged, lines))
        {
            var free = lines.Where(l => !l.Words.Any(taken.Contains)).ToList();
            var (box, drawn) = rulings.All(r => r.IsHorizontal) ? (RuleStackExtent.Extend(frame, free), rulings) : RowLabelsOutside.Extend(frame, rulings, free);
            if (rulings.Any(r => !r.IsHorizontal)) (box, drawn) = ColumnHeadsAbove.Extend(box, drawn, free);
            // A grid whose frame also holds its notes (a stack of rules ends above them; a plain box
            // around a table and its notes is read from its text, notes and all, or not at all).
            if (rulings.Any(r => !r.IsHorizontal && r.Position > box.Left + 2 && r.Position < box.Right - 2)) box = TableNotes.Above(box, free, drawn);
            var inside = words.Where(w => !taken.Contains(w) && box.Contains(w.CenterX, w.CenterY, 1)).ToList();
            if (inside.Count < 2) continue;
            if ((Build(drawn, box, inside, splitDrawnColumns: true) ?? Build(drawn, box, inside, splitDrawnColumns: false)) is not { } table) continue;
            result.Add(new TableRegion(table, box, inside));
            taken.UnionWith(inside);
        }
        return result;
    }

    // Networks of touching rulings, then stacks of lone horizontal rules with the same ends.
    private IEnumerable<(List<Ruling> Rulings, BoundingBox Box)> Frames(List<Ruling> rulings, IReadOnlyList<LayoutLine> lines)
    {
        var networks = RulingNetwork.Connect(rulings);
        var frames = networks.Where(n => n.Box.Width >= options.MinSize && n.Box.Height >= options.MinSize).ToList();
        var lone = networks.Where(n => n.Rulings.Count == 1 && n.Rulings[0].IsHorizontal && n.Box.Width >= options.MinSize * 3)
            .Select(n => n.Rulings[0]).OrderBy(r => r.Y1).ToList();
        var used = new bool[lone.Count];
        for (var i = 0; i < lone.Count; i++)
        {
            if (used[i]) continue;
            var stack = new List<Ruling> { lone[i] };
            for (var j = i + 1; j < lone.Count; j++)
            {
                if (used[j] || !SameEnds(lone[i], lone[j]) || lone[j].Y1 - stack[^1].Y1 > options.MaxRuleStackGap) continue;
                if (frames.Any(f => f.Box.Top > stack[^1].Y1 && f.Box.Bottom < lone[j].Y1 && f.Box.OverlapsHorizontally(Box(lone[j])))) break;
                if (lines.Any(l => l.Box.CenterY() > stack[^1].Y1 && l.Box.CenterY() < lone[j].Y1 && IsProse(l, lone[j]))) break;
                stack.Add(lone[j]);
                used[j] = true;
            }
            if (stack.Count < 2) continue;
            // Shorter rules between the stack's, within its width, rule off its column groups (a group's
            // heading over its columns): rows of its header.
            var bottom = stack[^1].Y1;
            for (var j = i + 1; j < lone.Count && lone[j].Y1 < bottom; j++)
            {
                if (used[j] || lone[j].X1 < lone[i].X1 - 3 || lone[j].X2 > lone[i].X2 + 3) continue;
                stack.Add(lone[j]);
                used[j] = true;
            }
            stack.Sort((a, b) => a.Y1.CompareTo(b.Y1));
            frames.Add((stack, new BoundingBox(stack.Min(r => r.X1), stack[0].Y1, stack.Max(r => r.X2), stack[^1].Y1)));
        }
        return frames.OrderBy(f => f.Box.Top);
    }

    private static BoundingBox Box(Ruling r) => new(r.X1, r.Y1, r.X2, r.Y2);

    // A line of running text across most of the rules' width: a table's rows part at its column gaps into
    // lines of a few words, so such a line between two rules (a note under one table, the caption of the
    // next) ends the stack; the rules on either side are two tables.
    private static bool IsProse(LayoutLine line, Ruling rule) =>
        line.Words.Count >= TableNotes.ProseWords && Math.Min(line.Box.Right, rule.X2) - Math.Max(line.Box.Left, rule.X1) >= ProseWidth * (rule.X2 - rule.X1);

    private const double ProseWidth = 0.6;

    private static bool SameEnds(Ruling a, Ruling b) => Math.Abs(a.X1 - b.X1) <= 3 && Math.Abs(a.X2 - b.X2) <= 3;

    // With splitDrawnColumns, a drawn column whose text stands in columns of its own (a table ruled only
    // between its label column and its values) is split at the gaps of its text too; when that does not
    // give a table, the drawn columns alone are tried.
    private Table? Build(List<Ruling> rulings, BoundingBox box, List<LayoutWord> inside, bool splitDrawnColumns)
    {
        var size = Median(inside.Select(w => w.FontSize));
        // A box around a code listing: its columns line up because the face is fixed-pitch.
        var code = inside.Count(w => w.Monospace) >= 0.9 * inside.Count;
        var verticals = rulings.Where(r => !r.IsHorizontal).ToList();
        var horizontals = rulings.Where(r => r.IsHorizontal).ToList();
        var clustered = Cluster(verticals.Select(r => r.Position).Append(box.Left).Append(box.Right), box.Left, box.Right);
        var xs = WithoutPadding(clustered, inside.Select(w => (w.Box.Left, w.Box.Right)), size, x => Coverage(verticals, x), x => EndsRuleAcrossColumns(horizontals, clustered, x));
        var ys = Cluster(horizontals.Select(r => r.Position).Append(box.Top).Append(box.Bottom), box.Top, box.Bottom);
        var drawnCount = xs.Count;
        var drawnColumns = xs.Count > 2;
        var drawnRows = ys.Count > 2;
        if (code && !drawnColumns) return null;
        if (!drawnColumns) xs = [box.Left, .. TextColumns(inside, box, ys, size, lineBuilder), box.Right];
        var drawnXs = xs.ToHashSet();
        if (drawnColumns && splitDrawnColumns) xs = SplitDrawnColumns(xs, inside, size);
        if (splitDrawnColumns && drawnColumns && xs.Count == drawnCount) return null;
        if (!drawnRows) ys = [box.Top, .. TextSeparators.Rows(inside, lineBuilder), box.Bottom];
        var drawnYs = Enumerable.Repeat(drawnRows, ys.Count).ToList();
        if (drawnRows) (ys, drawnYs) = RowBands.Split(ys, xs, inside, lineBuilder);
        var grid = new CellGrid(xs, ys);
        var columnsFromText = !drawnColumns || xs.Count > drawnXs.Count;
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var k = 1; k < grid.Columns; k++)
            {
                bool present;
                // A separator read from the text (no rule drawn there) parts the cells of every row no word bridges.
                if (!drawnColumns || !drawnXs.Contains(grid.X(k))) present = !Crossed(inside, grid, r, k);
                else if (Covered(verticals, grid.X(k), grid.Y(r), grid.Y(r + 1))) present = true;
                else columnsFromText |= present = SplitByText(inside, grid, r, k);
                if (!present) grid.JoinAcross(r, k);
            }
        }
        if (drawnRows)
        {
            // Rules drawn over most of the table's columns: where one leaves a column out, that column's text decides.
            var ruledAcross = Enumerable.Range(0, grid.Rows).Select(k => k > 0
                && Enumerable.Range(0, grid.Columns).Count(c => Covered(horizontals, grid.Y(k), grid.X(c), grid.X(c + 1))) * 2 > grid.Columns).ToList();
            // A row with no text anywhere (a spacer drawn between the body and its total) joins no cell
            // across a rule drawn over the table: empty rows between the rules of a table nested in a
            // cell do not part that cell.
            var emptyRow = Enumerable.Range(0, grid.Rows).Select(r => !inside.Any(w => w.CenterY > grid.Y(r) && w.CenterY < grid.Y(r + 1))).ToList();
            for (var c = 0; c < grid.Columns; c++)
            {
                // Only a column of one-line cells that the rules part again and again (labels), not one cell over two lines.
                var parted = Enumerable.Range(1, grid.Rows - 1)
                    .Where(k => drawnYs[k] && ruledAcross[k] && !Covered(horizontals, grid.Y(k), grid.X(c), grid.X(c + 1)) && PartedByText(inside, grid, k, c)).ToHashSet();
                if (parted.Count < 3) parted.Clear();
                for (var k = 1; k < grid.Rows; k++)
                {
                    if (drawnYs[k] && !Covered(horizontals, grid.Y(k), grid.X(c), grid.X(c + 1)) && !parted.Contains(k) && !(ruledAcross[k] && (emptyRow[k - 1] || emptyRow[k]))) grid.JoinDown(k, c);
                }
            }
        }
        var table = grid.ToTable(inside, lineBuilder);
        if (table is null || IsFrame(table)) return null;
        // Rows or columns read from the text must look like a table's, not like text in a box.
        if ((!drawnRows || columnsFromText) && TableShape.IsProse(table, options.MaxMeanWordsPerCell)) return null;
        if ((!drawnRows || !drawnColumns) && !TableShape.IsFilled(table)) return null;
        return table;
    }

    // The narrowest gap, in font sizes, that parts two columns of long figures (a word space is about a quarter; the gaps are measured on whole points).
    private const double NumberGap = 0.1;

    // Columns read from the text of a table ruled across only (above, under its header, below): from
    // the rows under a header rule when they part into more columns than the whole table does, as
    // a header's words set over two columns ("Weight Relative to Controls") cross the gaps of its body.
    private static List<double> TextColumns(List<LayoutWord> inside, BoundingBox box, List<double> ys, double size, ILineBuilder lineBuilder)
    {
        var best = TextSeparators.Columns(inside, box.Left, box.Right, 0.8 * size, 1, NumberGap * size);
        var cells = InRowsOfCells(inside, lineBuilder);
        // A header of several rows (column groups ruled off over their columns) ends at the lowest rule
        // that still has most of the table under it.
        for (var k = 1; k + 1 < ys.Count; k++)
        {
            var body = cells.Where(w => w.CenterY > ys[k]).ToList();
            if (body.Count * 2 < inside.Count) break;
            var bodyColumns = TextSeparators.Columns(body, box.Left, box.Right, 0.8 * size, 1, NumberGap * size);
            if (bodyColumns.Count > best.Count) best = bodyColumns;
        }
        return WithoutBulletStrips(best, inside, box.Left);
    }

    // The words of the rows that part into cells: a row that is one run of text (a section label set
    // across the columns, "Projected enrollment, in thousands") crosses their gaps and tells nothing of
    // them; while such rows are the lesser part of the table, the columns are read without them.
    private static List<LayoutWord> InRowsOfCells(List<LayoutWord> inside, ILineBuilder lineBuilder)
    {
        var cells = TextSeparators.RowsOf(lineBuilder.Build(inside)).Where(row => row.Count >= 2).SelectMany(row => row.SelectMany(l => l.Words)).ToList();
        return cells.Count * 2 >= inside.Count ? cells : inside;
    }

    // A strip holding nothing but bullet glyphs is the markers of lists inside the cells, set apart from
    // their items by an indent: the markers belong to the cell on their right.
    private static List<double> WithoutBulletStrips(List<double> separators, List<LayoutWord> inside, double left)
    {
        var result = new List<double>(separators.Count);
        var from = left;
        foreach (var separator in separators)
        {
            var strip = inside.Where(w => w.CenterX > from && w.CenterX < separator).ToList();
            if (strip.Count > 0 && strip.All(w => w.Text.Length == 1 && BulletGlyphs.IsBullet(w.Text[0]))) continue;
            result.Add(separator);
            from = separator;
        }
        return result;
    }

    // Two separators closer than the text is high with no text between them are a cell's border and
    // the edge of its padding or shading, drawn apart: one column, not two. Of the two the one drawn
    // over less of the table goes (the edges of the table stay) — unless rules run from both across
    // other columns: then they are the borders of a table and of a table nested in its cell, not padding.
    // A word that runs across the whole strip (a title over the table) is not text in it.
    internal static List<double> WithoutPadding(List<double> separators, IEnumerable<(double Left, double Right)> words, double size, Func<double, double> coverage,
        Func<double, bool>? bordersGrid = null)
    {
        var result = separators.ToList();
        var spans = words.ToList();
        for (var i = 0; i + 1 < result.Count && result.Count > 2;)
        {
            var (from, to) = (result[i], result[i + 1]);
            if (to - from >= size || spans.Any(w => (w.Left + w.Right) / 2 > from && (w.Left + w.Right) / 2 < to && (w.Left >= from - 1 || w.Right <= to + 1)))
            {
                i++;
                continue;
            }
            var drop = i == 0 ? 1 : i + 1 == result.Count - 1 ? i : coverage(from) < coverage(to) ? i : i + 1;
            if (bordersGrid is not null && bordersGrid(from) && bordersGrid(to)) { i++; continue; }
            result.RemoveAt(drop);
        }
        return result;
    }

    // Whether a horizontal rule starts or ends at x and crosses two other column separators on its way
    // (a nested table's grid; a cell's shading spans its own cell).
    private static bool EndsRuleAcrossColumns(List<Ruling> horizontals, List<double> separators, double x)
    {
        const double Tolerance = RulingNetwork.Tolerance * 1.5;
        return horizontals.Any(h => (Math.Abs(h.Start - x) <= Tolerance || Math.Abs(h.End - x) <= Tolerance)
            && separators.Count(s => s > h.Start + Tolerance && s < h.End - Tolerance) >= 2);
    }

    // The length of rulings drawn at position p.
    private static double Coverage(List<Ruling> rulings, double p) =>
        rulings.Where(r => Math.Abs(r.Position - p) <= RulingNetwork.Tolerance * 1.5).Sum(r => r.End - r.Start);

    // The drawn separators, with the gaps of the text inside each drawn column added where rows of the
    // table have text on both sides of them (not only a header wrapped over lines).
    private List<double> SplitDrawnColumns(List<double> xs, List<LayoutWord> inside, double size)
    {
        var result = new List<double> { xs[0] };
        for (var i = 0; i + 1 < xs.Count; i++)
        {
            var within = inside.Where(w => w.CenterX > xs[i] && w.CenterX < xs[i + 1]).ToList();
            var rows = TextSeparators.RowsOf(lineBuilder.Build(within));
            foreach (var x in WithoutBulletStrips(TextSeparators.Columns(within, xs[i], xs[i + 1], 0.8 * size, 1, NumberGap * size), within, xs[i]))
            {
                var parted = rows.Count(row => row.Any(l => l.Words.Any(w => w.Box.Right <= x)) && row.Any(l => l.Words.Any(w => w.Box.Left >= x)));
                if (parted >= 2 && parted * 3 >= rows.Count) result.Add(x);
            }
            result.Add(xs[i + 1]);
        }
        return result;
    }

    private static bool Crossed(List<LayoutWord> words, CellGrid grid, int r, int k)
    {
        var row = words.Where(w => w.CenterY > grid.Y(r) && w.CenterY < grid.Y(r + 1)).ToList();
        return TextSeparators.Bridged(row.Where(w => !Overhangs(w, grid.X(k), row)), grid.X(k));
    }

    // A separator read from the text stands mid-gap between the columns' body text; a head word that
    // reaches a little past it ("Age group" over a column of labels, its last letters over the gap) sits
    // in the column holding most of it and spans nothing, unless its phrase goes on beyond the separator
    // ("Postnatal Day 1" centred over two columns).
    private static bool Overhangs(LayoutWord word, double x, List<LayoutWord> row)
    {
        if (word.Box.Left >= x || word.Box.Right <= x || Math.Min(x - word.Box.Left, word.Box.Right - x) > MaxOverhang * word.Box.Width) return false;
        var intoRight = x - word.Box.Left > word.Box.Right - x;
        var space = TextSeparators.MaxWordSpace * Math.Max(1, word.FontSize);
        return !row.Any(o => !ReferenceEquals(o, word) && Math.Abs(o.Baseline - word.Baseline) <= 0.3 * Math.Max(1, word.FontSize)
            && (intoRight ? o.Box.Left >= word.Box.Right - 1 && o.Box.Left - word.Box.Right <= space
                          : o.Box.Right <= word.Box.Left + 1 && word.Box.Left - o.Box.Right <= space));
    }

    private const double MaxOverhang = 0.15;

    // A glyph box may reach a hair past the rule its cell is ruled by (right-aligned figures against
    // their shading's edge): that much is no crossing.
    private const double HairWidth = 0.5;

    // A column rule drawn only in some rows (the header, or ticks at the foot) still parts the cells
    // of a row whose text stands on both sides of it and crosses it nowhere.
    private static bool SplitByText(List<LayoutWord> words, CellGrid grid, int r, int k)
    {
        bool left = false, right = false;
        foreach (var w in words)
        {
            if (w.CenterY <= grid.Y(r) || w.CenterY >= grid.Y(r + 1)) continue;
            if (w.Box.Left < grid.X(k) - HairWidth && w.Box.Right > grid.X(k) + HairWidth) return false;
            if (w.CenterX > grid.X(k - 1) && w.CenterX < grid.X(k)) left = true;
            else if (w.CenterX > grid.X(k) && w.CenterX < grid.X(k + 1)) right = true;
        }
        return left && right;
    }

    // A row rule drawn over most columns but left out of one (a label column ruled only at its ends) still parts that
    // column's cells where it has text on both sides of the rule, in the rows above and below, and
    // no word crosses it.
    private static bool PartedByText(List<LayoutWord> words, CellGrid grid, int k, int c)
    {
        bool above = false, below = false;
        foreach (var w in words)
        {
            if (w.CenterX <= grid.X(c) || w.CenterX >= grid.X(c + 1)) continue;
            if (w.Box.Top < grid.Y(k) && w.Box.Bottom > grid.Y(k)) return false;
            if (w.CenterY > grid.Y(k - 1) && w.CenterY < grid.Y(k)) above = true;
            else if (w.CenterY > grid.Y(k) && w.CenterY < grid.Y(k + 1)) below = true;
        }
        return above && below;
    }

    // A box around running text (a page frame, a sidebar) has a cell holding a whole passage.
    private bool IsFrame(Table table) => table.Cells.Any(c => TableShape.WordCount(c.Text) > options.MaxWordsPerCell);

    // Whether rulings at position p cover enough of [from, to].
    private bool Covered(List<Ruling> rulings, double p, double from, double to)
    {
        var length = to - from;
        if (length <= 0) return true;
        var covered = rulings.Where(r => Math.Abs(r.Position - p) <= RulingNetwork.Tolerance)
            .Sum(r => Math.Max(0, Math.Min(r.End, to) - Math.Max(r.Start, from)));
        return covered >= options.MinCoverage * length;
    }

    // Positions within the tolerance of each other become one (their mean); the edges stay exact.
    private static List<double> Cluster(IEnumerable<double> values, double first, double last)
    {
        var sorted = values.Order().ToList();
        var result = new List<double>();
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j < sorted.Count && sorted[j] - sorted[i] <= RulingNetwork.Tolerance * 1.5) j++;
            result.Add(sorted.Skip(i).Take(j - i).Average());
            i = j;
        }
        result[0] = first;
        result[^1] = last;
        return result.Where((v, k) => k == 0 || k == result.Count - 1 || (v - first > 1 && last - v > 1)).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }
}
