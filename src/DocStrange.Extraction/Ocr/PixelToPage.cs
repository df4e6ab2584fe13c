using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>How an OCR'd image lies on its page: points per pixel across and down, and where its top-left corner is (points from the page's top-left).</summary>
public sealed record PixelToPage(double ScaleX, double ScaleY, double OffsetX, double OffsetY)
{
    /// <summary>A pixel box as a page box in points, rounded to 0.01 pt.</summary>
    public BoundingBox Map(BoundingBox b) => new(
        Math.Round(OffsetX + b.Left * ScaleX, 2), Math.Round(OffsetY + b.Top * ScaleY, 2),
        Math.Round(OffsetX + b.Right * ScaleX, 2), Math.Round(OffsetY + b.Bottom * ScaleY, 2));
}
