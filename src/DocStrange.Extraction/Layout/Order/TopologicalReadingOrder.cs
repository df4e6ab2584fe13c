using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Order;

/// <summary>
/// Reading order by the two rules of Breuel ("High Performance Document Layout Analysis", 2003):
/// a comes before b when they overlap horizontally and a is above b; or when a lies wholly left of b
/// and no third region between them vertically overlaps both horizontally (a full-width title,
/// figure or table); a region wholly below the other needs its column to reach up beside it, so a
/// heading low on the left does not jump ahead of a centred author line above it. The order is a topological sort of that relation, taking the topmost, then
/// leftmost, free region first. Columns are read one after the other, and full-width elements
/// where a reader meets them. Right-to-left pages swap left and right.
/// <para>
/// Building the relation costs O(n³) in the worst case (each pair looks at every other region), which is
/// nothing for the tens of regions of a text page and minutes for the thousands of scattered labels of a
/// map or a plot. Above <see cref="MaxRegions"/> the order falls back to rows: top to bottom, then along
/// the line (reading direction), which keeps every word and costs O(n log n).
/// </para>
/// </summary>
public sealed class TopologicalReadingOrder : IReadingOrder
{
    /// <summary>The one instance; it holds no state.</summary>
    public static TopologicalReadingOrder Instance { get; } = new();

    /// <summary>The most regions ordered by Breuel's rules; more are ordered by rows.</summary>
    public const int MaxRegions = 800;

    /// <inheritdoc />
    public IReadOnlyList<T> Order<T>(IReadOnlyList<T> items, Func<T, BoundingBox> box, bool rightToLeft = false, Func<T, int>? sequence = null,
        CancellationToken cancellationToken = default, double bodySize = 0)
    {
        // The band and row rules look at every region for each pair: kept to pages of text, not plots of labels.
        var sparse = bodySize > 0 && items.Count <= MaxRegionsForBands;
        var band = sparse ? MinBandLines * bodySize : double.PositiveInfinity;
        var line = sparse ? 2 * bodySize : 0;
        var n = items.Count;
        if (n <= 1) return items;
        var boxes = items.Select(box).ToArray();
        var order = items.Select(i => sequence?.Invoke(i) ?? 0).ToArray();
        if (n > MaxRegions) return ByRows(items, boxes, rightToLeft);
        var predecessors = new int[n];
        var successors = new List<int>[n];
        for (var a = 0; a < n; a++) successors[a] = [];
        for (var a = 0; a < n; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var b = 0; b < n; b++)
            {
                if (a != b && Before(boxes, a, b, rightToLeft, band, line))
                {
                    successors[a].Add(b);
                    predecessors[b]++;
                }
            }
        }
        return Sort(items, boxes, order, predecessors, successors, rightToLeft);
    }

    private static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> items, BoundingBox[] boxes, int[] order, int[] predecessors, List<int>[] successors, bool rightToLeft)
    {
        var n = items.Count;
        var done = new bool[n];
        var result = new List<T>(n);
        while (result.Count < n)
        {
            var next = -1;
            // The free region first; if a cycle leaves none free, the topmost remaining one.
            for (var pass = 0; pass < 2 && next < 0; pass++)
            {
                for (var i = 0; i < n; i++)
                {
                    if (done[i] || (pass == 0 && predecessors[i] > 0)) continue;
                    if (next < 0 || Earlier(boxes[i], order[i], boxes[next], order[next], rightToLeft)) next = i;
                }
            }
            done[next] = true;
            result.Add(items[next]);
            foreach (var s in successors[next]) predecessors[s]--;
        }
        return result;
    }

    private static IReadOnlyList<T> ByRows<T>(IReadOnlyList<T> items, BoundingBox[] boxes, bool rightToLeft) =>
        [.. Enumerable.Range(0, items.Count)
            .OrderBy(i => Math.Round(boxes[i].Top))
            .ThenBy(i => rightToLeft ? -boxes[i].Right : boxes[i].Left)
            .Select(i => items[i])];

    // Between free regions the source's own order decides when both have one; else the topmost, then the first in the line.
    private static bool Earlier(BoundingBox a, int orderA, BoundingBox b, int orderB, bool rightToLeft)
    {
        if (orderA > 0 && orderB > 0 && orderA != orderB) return orderA < orderB;
        return Math.Abs(a.Top - b.Top) > 0.5 ? a.Top < b.Top : rightToLeft ? a.Right > b.Right : a.Left < b.Left;
    }

    /// <summary>The most regions on a page for which blank bands and rows of entries are looked for.</summary>
    public const int MaxRegionsForBands = 200;

    /// <summary>The height, in body font sizes, of a blank band across two regions that ends the columns above it.</summary>
    public const double MinBandLines = 1.8;

    // Whether a blank band at least `band` high runs across both regions (over their joint width) between
    // the upper one's bottom and the lower one's top, and the two stand far apart: the page is cut there
    // (as in an XY cut, Nagy 1992), so the blocks side by side above it (an invoice's sender and its
    // details) are read before those below it (the addresses), not column by column down the page.
    private static bool BlankBandBetween(BoundingBox[] boxes, BoundingBox lower, BoundingBox upper, double band)
    {
        if (lower.Top - upper.Bottom < band) return false;
        // Columns of text stand a narrow gutter apart; blocks set far apart (across more than half the
        // narrower one's width) are separate blocks of a sparse page, not columns. Each is measured with
        // what stands above and below it, so a short last line does not make a column narrow.
        var (lowerLeft, lowerRight) = Extent(boxes, lower, upper.Top, lower.Bottom);
        var (upperLeft, upperRight) = Extent(boxes, upper, upper.Top, lower.Bottom);
        var gutter = Math.Max(lowerLeft, upperLeft) - Math.Min(lowerRight, upperRight);
        if (gutter < 0.5 * Math.Min(lowerRight - lowerLeft, upperRight - upperLeft)) return false;
        var left = Math.Min(lower.Left, upper.Left);
        var right = Math.Max(lower.Right, upper.Right);
        var covers = boxes.Where(c => c.Right > left && c.Left < right && c.Bottom > upper.Bottom && c.Top < lower.Top)
            .Select(c => (Math.Max(c.Top, upper.Bottom), Math.Min(c.Bottom, lower.Top))).OrderBy(c => c.Item1);
        var y = upper.Bottom;
        foreach (var (top, bottom) in covers)
        {
            if (top - y >= band) return true;
            y = Math.Max(y, bottom);
        }
        return lower.Top - y >= band;
    }

    // The horizontal extent of a region together with the regions above and below it, between top and bottom, that overlap it.
    private static (double Left, double Right) Extent(BoundingBox[] boxes, BoundingBox a, double top, double bottom)
    {
        double left = a.Left, right = a.Right;
        foreach (var c in boxes)
        {
            if (c.HorizontalOverlap(a) <= 0 || c.Top < top - 1 || c.Bottom > bottom + 1) continue;
            left = Math.Min(left, c.Left);
            right = Math.Max(right, c.Right);
        }
        return (left, right);
    }

    // Whether a and b are lines of a grid of one-line entries ("Signature:  M. Lopez" over "Date:  2 May"):
    // a is one line, and what stands level with b in a's column is one line on b's own line. Such
    // rows are read across, label then value, not as two columns.
    private static bool InRows(BoundingBox[] boxes, int ia, BoundingBox b, double line)
    {
        var a = boxes[ia];
        if (line <= 0 || a.Height > line || b.Height > line) return false;
        var level = boxes.Where((c, i) => i != ia && c.HorizontalOverlap(a) > 0 && c.VerticalOverlap(b) > 0 && c.Right <= b.Left + 1).ToList();
        return level.Count > 0 && level.All(c => c.Height <= line && c.VerticalOverlap(b) >= 0.6 * Math.Min(c.Height, b.Height));
    }

    // Whether some region in a's column (overlapping it horizontally) lies level with b.
    private static bool ColumnReaches(BoundingBox[] boxes, int ia, BoundingBox b)
    {
        var a = boxes[ia];
        for (var i = 0; i < boxes.Length; i++)
        {
            if (i != ia && boxes[i].HorizontalOverlap(a) > 0 && boxes[i].VerticalOverlap(b) > 0 && boxes[i].Right <= b.Left + 1) return true;
        }
        return false;
    }

    private static bool Before(BoundingBox[] boxes, int ia, int ib, bool rightToLeft, double band, double line)
    {
        var a = boxes[ia];
        var b = boxes[ib];
        var overlap = a.HorizontalOverlap(b);
        if (overlap > Math.Max(1, 0.05 * Math.Min(a.Width, b.Width)))
        {
            return a.CenterY() < b.CenterY();
        }
        var leftOf = rightToLeft ? a.Left >= b.Right - 1 : a.Right <= b.Left + 1;
        if (!leftOf) return false;
        // A region wholly below and to the left of another comes first only when it belongs to a
        // column that reaches up beside that other region (a text column, not a lone block lower down).
        if (a.Top >= b.Bottom && (!ColumnReaches(boxes, ia, b) || BlankBandBetween(boxes, a, b, band) || InRows(boxes, ia, b, line))) return false;
        var low = Math.Min(a.CenterY(), b.CenterY());
        var high = Math.Max(a.CenterY(), b.CenterY());
        for (var ic = 0; ic < boxes.Length; ic++)
        {
            if (ic == ia || ic == ib) continue;
            var c = boxes[ic];
            var cy = c.CenterY();
            if (cy > low && cy < high && c.HorizontalOverlap(a) > 0 && c.HorizontalOverlap(b) > 0) return false;
        }
        return true;
    }
}
