using DocStrange.Document.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The boxes of a page's drawn marks that no table or text box is made of: painted subpaths with a
/// curve or a slanted line (a chart's plot lines and slices, a diagram's arrows, a map's outlines).
/// Straight horizontal and vertical strokes are rulings (<see cref="PdfRulings"/>) and stay out,
/// as do clipping paths. Boxes are in the upright frame, top-left origin.
/// </summary>
internal static class PdfDrawingMarks
{
    private const double Slant = 0.5;

    /// <summary>The boxes of the page's curved or slanted marks.</summary>
    public static IReadOnlyList<BoundingBox> Read(Page page, PdfPageOrientation orientation)
    {
        var result = new List<BoundingBox>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                if (!IsCurvedOrSlanted(subpath) || subpath.GetBoundingRectangle() is not { } box) continue;
                var (x1, y1) = orientation.ToUpright(box.BottomLeft);
                var (x2, y2) = orientation.ToUpright(box.TopRight);
                result.Add(new BoundingBox(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2)));
            }
        }
        return result;
    }

    private static bool IsCurvedOrSlanted(PdfSubpath subpath)
    {
        foreach (var command in subpath.Commands)
        {
            if (command is PdfSubpath.BezierCurve) return true;
            if (command is PdfSubpath.Line line && Math.Abs(line.From.X - line.To.X) > Slant && Math.Abs(line.From.Y - line.To.Y) > Slant) return true;
        }
        return false;
    }
}
