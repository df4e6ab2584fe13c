using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The straight horizontal and vertical strokes of a page's drawings, which may be table rules and
/// cell borders: stroked line segments, and the edges of stroked or filled rectangles (a rectangle
/// thinner than <see cref="MaxThickness"/> is itself one rule, as many producers draw rules). Curves,
/// slanted lines and clipping paths are left out. Points are in the upright frame, top-left origin.
/// </summary>
internal static class PdfRulings
{
    /// <summary>The thickness, in points, up to which a filled rectangle is a rule rather than a box.</summary>
    public const double MaxThickness = 3;

    private const double Slant = 0.5;

    /// <summary>The page's rulings.</summary>
    public static IReadOnlyList<Ruling> Read(Page page, PdfPageOrientation orientation)
    {
        var result = new List<Ruling>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                if (subpath.Commands.Any(c => c is PdfSubpath.BezierCurve)) continue;
                var points = Points(subpath);
                if (points.Count < 2) continue;
                if (IsAxisRectangle(points) && !path.IsStroked || IsThin(points))
                {
                    AddRectangle(points, orientation, result);
                    continue;
                }
                if (!path.IsStroked && !IsAxisRectangle(points)) continue;
                for (var i = 1; i < points.Count; i++) AddSegment(points[i - 1], points[i], orientation, result);
            }
        }
        return result;
    }

    // The subpath's vertices in drawing order, closed back to the start when it is closed.
    private static List<PdfPoint> Points(PdfSubpath subpath)
    {
        var points = new List<PdfPoint>();
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    points.Add(move.Location);
                    break;
                case PdfSubpath.Line line:
                    if (points.Count == 0 || !points[^1].Equals(line.From)) points.Add(line.From);
                    points.Add(line.To);
                    break;
                case PdfSubpath.Close when points.Count > 2:
                    points.Add(points[0]);
                    break;
            }
        }
        return points;
    }

    private static bool IsAxisRectangle(List<PdfPoint> points)
    {
        if (points.Count < 4 || points.Count > 5) return false;
        for (var i = 1; i < points.Count; i++)
        {
            var dx = Math.Abs(points[i].X - points[i - 1].X);
            var dy = Math.Abs(points[i].Y - points[i - 1].Y);
            if (dx > Slant && dy > Slant) return false;
        }
        return true;
    }

    private static bool IsThin(List<PdfPoint> points)
    {
        if (!IsAxisRectangle(points)) return false;
        var width = points.Max(p => p.X) - points.Min(p => p.X);
        var height = points.Max(p => p.Y) - points.Min(p => p.Y);
        return Math.Min(width, height) <= MaxThickness;
    }

    // A thin rectangle is one rule along its middle; a larger one gives its four edges.
    private static void AddRectangle(List<PdfPoint> points, PdfPageOrientation orientation, List<Ruling> into)
    {
        double left = points.Min(p => p.X), right = points.Max(p => p.X), bottom = points.Min(p => p.Y), top = points.Max(p => p.Y);
        if (top - bottom <= MaxThickness && right - left > MaxThickness)
        {
            var y = (top + bottom) / 2;
            AddSegment(new PdfPoint(left, y), new PdfPoint(right, y), orientation, into);
        }
        else if (right - left <= MaxThickness && top - bottom > MaxThickness)
        {
            var x = (left + right) / 2;
            AddSegment(new PdfPoint(x, bottom), new PdfPoint(x, top), orientation, into);
        }
        else if (right - left > MaxThickness)
        {
            AddSegment(new PdfPoint(left, bottom), new PdfPoint(right, bottom), orientation, into);
            AddSegment(new PdfPoint(left, top), new PdfPoint(right, top), orientation, into);
            AddSegment(new PdfPoint(left, bottom), new PdfPoint(left, top), orientation, into);
            AddSegment(new PdfPoint(right, bottom), new PdfPoint(right, top), orientation, into);
        }
    }

    private static void AddSegment(PdfPoint a, PdfPoint b, PdfPageOrientation orientation, List<Ruling> into)
    {
        if (Math.Abs(a.X - b.X) > Slant && Math.Abs(a.Y - b.Y) > Slant) return;
        var (x1, y1) = orientation.ToUpright(a);
        var (x2, y2) = orientation.ToUpright(b);
        into.Add(new Ruling(x1, y1, x2, y2));
    }
}
