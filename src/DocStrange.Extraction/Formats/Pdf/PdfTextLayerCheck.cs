using DocStrange.Document.Conversion;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Whether a PDF page is read by OCR rather than from its text layer. <c>always</c> and
/// <c>never</c> decide alone; <c>auto</c> OCRs a page whose text layer is missing or unusable:
/// mostly invisible (the hidden layer of an earlier OCR, or text drawn in no colour), mostly glyphs
/// that map to no character, or, on a page that is mostly one picture (a scan), a handful of characters
/// (a stamp or a page number laid over it) or a layer that does not read as text (<see cref="PdfTextLayerQuality"/>).
/// </summary>
internal static class PdfTextLayerCheck
{
    private const double UnusableShare = 0.5;
    private const double ScanCoverage = 0.8;
    private const int FewCharacters = 40;

    /// <summary>Whether the page should be OCR'd under <paramref name="mode"/>.</summary>
    public static bool NeedsOcr(Page page, IReadOnlyList<Letter> letters, OcrMode mode)
    {
        if (mode == OcrMode.Always) return true;
        if (mode == OcrMode.Never) return false;
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (visible.Count == 0) return HasInk(page);
        var invisible = visible.Count(l => l.RenderingMode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip);
        if (invisible > UnusableShare * visible.Count) return true;
        var unmapped = visible.Count(l => IsUnmapped(l.Value));
        if (unmapped > UnusableShare * visible.Count) return true;
        // The cheap test on the letters first: most pages pass it without their images being looked at.
        return (visible.Count < FewCharacters || PdfTextLayerQuality.ReadsPoorly(visible)) && ImageCoverage(page) >= ScanCoverage;
    }

    // Nothing to read on a page with neither images nor drawings.
    private static bool HasInk(Page page) => page.NumberOfImages > 0 || page.Paths.Count > 0;

    private static bool IsUnmapped(string value) => value.Any(ch => ch == '\uFFFD' || char.IsControl(ch) || ch is >= '\uE000' and <= '\uF8FF');

    // The share of the page the largest image covers.
    private static double ImageCoverage(Page page)
    {
        var area = page.Width * page.Height;
        if (area <= 0 || page.NumberOfImages == 0) return 0;
        return page.GetImages().Select(i => Area(i.BoundingBox)).DefaultIfEmpty(0).Max() / area;
    }

    private static double Area(PdfRectangle r)
    {
        var xs = new[] { r.TopLeft.X, r.TopRight.X, r.BottomLeft.X, r.BottomRight.X };
        var ys = new[] { r.TopLeft.Y, r.TopRight.Y, r.BottomLeft.Y, r.BottomRight.Y };
        return (xs.Max() - xs.Min()) * (ys.Max() - ys.Min());
    }
}
