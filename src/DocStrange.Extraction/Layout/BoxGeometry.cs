using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout;

/// <summary>Overlaps, containment and centres of boxes (top-left origin), as layout analysis asks them.</summary>
public static class BoxGeometry
{
    /// <summary>Whether the two boxes share some x range.</summary>
    public static bool OverlapsHorizontally(this BoundingBox a, BoundingBox b) => a.Left < b.Right && b.Left < a.Right;

    /// <summary>Whether the two boxes share some y range.</summary>
    public static bool OverlapsVertically(this BoundingBox a, BoundingBox b) => a.Top < b.Bottom && b.Top < a.Bottom;

    /// <summary>The length of the x range the boxes share (0 when none).</summary>
    public static double HorizontalOverlap(this BoundingBox a, BoundingBox b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));

    /// <summary>The length of the y range the boxes share (0 when none).</summary>
    public static double VerticalOverlap(this BoundingBox a, BoundingBox b) => Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));

    /// <summary>The area in square points that the boxes share (0 when none).</summary>
    public static double OverlapArea(this BoundingBox a, BoundingBox b) => a.HorizontalOverlap(b) * a.VerticalOverlap(b);

    /// <summary>Whether the point lies in the box, edges included, with <paramref name="margin"/> points of slack.</summary>
    public static bool Contains(this BoundingBox box, double x, double y, double margin = 0) =>
        x >= box.Left - margin && x <= box.Right + margin && y >= box.Top - margin && y <= box.Bottom + margin;

    /// <summary>The horizontal centre.</summary>
    public static double CenterX(this BoundingBox box) => (box.Left + box.Right) / 2;

    /// <summary>The vertical centre.</summary>
    public static double CenterY(this BoundingBox box) => (box.Top + box.Bottom) / 2;

    /// <summary>The area in square points (0 for an empty box).</summary>
    public static double Area(this BoundingBox box) => Math.Max(0, box.Width) * Math.Max(0, box.Height);

    /// <summary>The smallest box holding all the boxes; null when there are none.</summary>
    public static BoundingBox? UnionAll(this IEnumerable<BoundingBox> boxes)
    {
        BoundingBox? union = null;
        foreach (var box in boxes) union = union is { } u ? u.Union(box) : box;
        return union;
    }
}
