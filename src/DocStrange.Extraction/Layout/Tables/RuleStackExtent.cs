using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// A table drawn with horizontal rules only does not always keep its rows between its first and last
/// rule: a financial statement rules off its subtotals, so its column headings and first rows stand
/// above the first rule and its last row ("Net income") below the last. The rows just beyond the rules
/// belong to the table while they keep its row pitch, stay within its width and read as table rows:
/// several cells, or one heading over the value columns ("Year Ended June 30,"); a caption or a
/// paragraph spans from the left edge alone, and the table stops there.
/// </summary>
public static class RuleStackExtent
{
    /// <summary>The step between rows, in multiples of the table's own row pitch, that still belongs to it.</summary>
    public const double MaxPitch = 1.5;

    /// <summary>The frame of a stack of rules, grown over the rows of <paramref name="lines"/> that continue its table above and below.</summary>
    public static BoundingBox Extend(BoundingBox frame, IReadOnlyList<LayoutLine> lines)
    {
        // Lines wholly beside the rules (the column of text next to a table in a column of its own)
        // are no part of its rows; a line that reaches under the rules is, and stops the table there.
        var rows = TextSeparators.RowsOf(lines.Where(l => l.Box.Right > frame.Left && l.Box.Left < frame.Right).ToList());
        var inside = rows.Where(r => r.All(l => frame.Contains(l.Box.CenterX(), l.Box.CenterY(), 1))).ToList();
        if (inside.Count < 2) return frame;
        var steps = inside.Zip(inside.Skip(1), (a, b) => b[0].Baseline - a[0].Baseline).Order().ToList();
        var pitch = steps[steps.Count / 2];
        if (pitch <= 0) return frame;
        var first = rows.IndexOf(inside[0]);
        var last = rows.IndexOf(inside[^1]);
        double top = frame.Top, bottom = frame.Bottom;
        for (var i = first - 1; i >= 0 && Continues(rows[i], rows[i + 1], frame, pitch); i--) top = Math.Min(top, rows[i].Min(l => l.Box.Top) - 1);
        for (var i = last + 1; i < rows.Count && Continues(rows[i], rows[i - 1], frame, pitch); i++) bottom = Math.Max(bottom, rows[i].Max(l => l.Box.Bottom) + 1);
        return new BoundingBox(frame.Left, top, frame.Right, bottom);
    }

    private static bool Continues(List<LayoutLine> row, List<LayoutLine> neighbour, BoundingBox frame, double pitch)
    {
        if (Math.Abs(row[0].Baseline - neighbour[0].Baseline) > MaxPitch * pitch) return false;
        if (row.Any(l => l.Box.Left < frame.Left - 2 || l.Box.Right > frame.Right + 2)) return false;
        return row.Count >= 2 || row[0].Box.Left >= frame.Left + frame.Width / 3;
    }
}
