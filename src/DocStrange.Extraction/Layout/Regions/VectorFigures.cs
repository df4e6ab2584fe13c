using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Regions;

/// <summary>
/// Figures drawn as vector graphics (charts, diagrams, maps), found from the page's curved and slanted
/// marks (<see cref="PageContent.Drawings"/>): marks that stand close together form one drawing, found as
/// the connected parts of a coarse grid of the cells the marks cover (linear in the marks, however many a
/// map has). A drawing is a figure only when it is made of many marks, is large enough to show something
/// and holds little text: a rounded box around a paragraph, a form's radio buttons or a few arrows
/// beside text are no figures, and their words stay in the text flow.
/// </summary>
public static class VectorFigures
{
    /// <summary>The side of a grid cell, in points: marks this close belong to one drawing.</summary>
    public const double Cell = 6;

    /// <summary>The fewest marks of a figure.</summary>
    public const int MinMarks = 6;

    /// <summary>The shortest side of a figure, in points.</summary>
    public const double MinSide = 36;

    /// <summary>The largest share of a figure's box that its words may cover (a chart's labels cover little of it).</summary>
    public const double MaxTextCover = 0.2;

    /// <summary>The most words of one line inside a figure: a longer line is running text.</summary>
    public const int MaxLineWords = 12;

    /// <summary>The longest side, in points, that the largest mark of a figure reaches at least: a plot line, a slice, a box of a
    /// diagram. A cluster of small marks alike (a form's radio buttons, check marks) is no figure.</summary>
    public const double MinLargestMark = 18;

    // A mark over this share of the page is a frame or a background, not part of a drawing.
    private const double MaxMarkShare = 0.25;

    /// <summary>The boxes of the page's vector figures.</summary>
    public static IReadOnlyList<BoundingBox> Find(PageContent page, IReadOnlyList<LayoutLine> lines)
    {
        var pageArea = page.Width * page.Height;
        var marks = page.Drawings.Where(b => b.Area() < MaxMarkShare * pageArea && b.Right > 0 && b.Bottom > 0 && b.Left < page.Width && b.Top < page.Height).ToList();
        if (marks.Count < MinMarks || pageArea <= 0) return [];
        int columns = (int)Math.Ceiling(page.Width / Cell) + 1, rows = (int)Math.Ceiling(page.Height / Cell) + 1;
        var label = new int[columns * rows];
        foreach (var m in marks)
        {
            var (c0, r0, c1, r1) = Cells(m, columns, rows);
            for (var r = r0; r <= r1; r++) for (var c = c0; c <= c1; c++) label[r * columns + c] = -1;
        }
        var boxes = new List<BoundingBox>();
        var count = 0;
        for (var start = 0; start < label.Length; start++)
        {
            if (label[start] != -1) continue;
            count++;
            Fill(label, start, count, columns, rows);
        }
        var parts = new (int Marks, double Largest, BoundingBox? Box)[count + 1];
        foreach (var m in marks)
        {
            var (c0, r0, _, _) = Cells(m, columns, rows);
            var id = label[r0 * columns + c0];
            parts[id] = (parts[id].Marks + 1, Math.Max(parts[id].Largest, Math.Max(m.Width, m.Height)), parts[id].Box is { } b ? b.Union(m) : m);
        }
        var result = new List<BoundingBox>();
        foreach (var (n, largest, box) in parts)
        {
            if (box is not { } b || n < MinMarks || largest < MinLargestMark || b.Width < MinSide || b.Height < MinSide) continue;
            var figure = WithAxes(b, page.Rulings);
            if (HoldsText(figure, lines)) continue;
            result.Add(figure);
        }
        return result;
    }

    // The drawing grown over the straight lines that meet it or the lines already taken (a chart's axes and
    // gridlines, drawn as rulings), each no longer than twice the drawing's side along it: a page's rules and a
    // table's run on much further.
    private static BoundingBox WithAxes(BoundingBox box, IReadOnlyList<Ruling> rulings)
    {
        var grown = box;
        foreach (var r in rulings)
        {
            var length = r.IsHorizontal ? r.X2 - r.X1 : r.Y2 - r.Y1;
            if (length > 2 * (r.IsHorizontal ? box.Width : box.Height)) continue;
            if (r.X2 < grown.Left - Touch || r.X1 > grown.Right + Touch || r.Y2 < grown.Top - Touch || r.Y1 > grown.Bottom + Touch) continue;
            grown = grown.Union(new BoundingBox(r.X1, r.Y1, r.X2, r.Y2));
        }
        return grown;
    }

    private const double Touch = 2;

    // Whether the box holds running text rather than labels: a long line, or words over much of it.
    private static bool HoldsText(BoundingBox box, IReadOnlyList<LayoutLine> lines)
    {
        double covered = 0;
        foreach (var line in lines)
        {
            var inside = line.Words.Where(w => box.Contains(w.CenterX, w.CenterY)).ToList();
            if (inside.Count == 0) continue;
            if (inside.Count >= MaxLineWords) return true;
            covered += inside.Sum(w => w.Box.Area());
        }
        return covered > MaxTextCover * box.Area();
    }

    private static (int C0, int R0, int C1, int R1) Cells(BoundingBox b, int columns, int rows) =>
        (Clamp(b.Left, columns), Clamp(b.Top, rows), Clamp(b.Right, columns), Clamp(b.Bottom, rows));

    private static int Clamp(double v, int n) => Math.Clamp((int)(v / Cell), 0, n - 1);

    // Labels the 8-connected cells marked -1 that reach start with id, without recursion.
    private static void Fill(int[] label, int start, int id, int columns, int rows)
    {
        var stack = new Stack<int>();
        stack.Push(start);
        label[start] = id;
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            int r = at / columns, c = at % columns;
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    int nr = r + dr, nc = c + dc;
                    if (nr < 0 || nc < 0 || nr >= rows || nc >= columns) continue;
                    var next = nr * columns + nc;
                    if (label[next] != -1) continue;
                    label[next] = id;
                    stack.Push(next);
                }
            }
        }
    }
}
