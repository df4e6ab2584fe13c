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
        CancellationToken cancellationToken = default)
    {
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
                if (a != b && Before(boxes, a, b, rightToLeft))
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

    private static bool Before(BoundingBox[] boxes, int ia, int ib, bool rightToLeft)
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
        if (a.Top >= b.Bottom && !ColumnReaches(boxes, ia, b)) return false;
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
