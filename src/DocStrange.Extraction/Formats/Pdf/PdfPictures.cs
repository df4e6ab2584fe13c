using DocStrange.Document.Model;
using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Where a page's raster images are drawn, in the upright frame with a top-left origin. The images
/// are not decoded; only the rectangles they are painted into are read.
/// </summary>
internal static class PdfPictures
{
    /// <summary>The boxes of the page's images.</summary>
    public static IReadOnlyList<BoundingBox> Read(Page page, PdfPageOrientation orientation)
    {
        var result = new List<BoundingBox>();
        foreach (var image in page.GetImages()) result.Add(Upright(image, orientation));
        return result;
    }

    /// <summary>The box <paramref name="image"/> is drawn into, in the upright frame.</summary>
    public static BoundingBox Upright(IPdfImage image, PdfPageOrientation orientation)
    {
        var r = image.BoundingBox;
        var (x1, y1) = orientation.ToUpright(r.BottomLeft);
        var (x2, y2) = orientation.ToUpright(r.TopRight);
        return new BoundingBox(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));
    }
}
