using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Prepares a page image for recognition: 8-bit grey; scaled when its letters are too small for the
/// recogniser (or needlessly large), judged by their measured height (<see cref="TextHeight"/>)
/// rather than by the resolution the file claims, which is often wrong for scans wrapped in PDFs;
/// and deskewed (leptonica's skew search over the page's text lines). Binarisation is left to
/// Tesseract (Otsu), which also keeps the grey image for its line recogniser.
/// </summary>
internal static class ImageCleanup
{
    // Letters under about 9 px are upscaled to about 14 px; over 40 px are brought down to about 28 px.
    private const double SmallLetters = 9, SmallTarget = 14, LargeLetters = 40, LargeTarget = 28, MaxUpscale = 3;
    // Skew below this is left alone: turning resamples the page.
    private const double MinSkewDegrees = 0.2, MinSkewConfidence = 2.5;

    /// <summary>A cleaned image, its resolution after scaling (0 when unknown), and the way back to the pixels it came from.</summary>
    public sealed record Result(Pix Pix, double Scale, double SkewDegrees, int Resolution) : IDisposable
    {
        /// <summary>A box on the cleaned image as a box on the original one.</summary>
        public BoundingBox ToOriginal(BoundingBox box)
        {
            if (SkewDegrees != 0) box = Rotate(box, -SkewDegrees, Pix.Width / 2.0, Pix.Height / 2.0);
            return new BoundingBox(box.Left / Scale, box.Top / Scale, box.Right / Scale, box.Bottom / Scale);
        }

        public void Dispose() => Pix.Dispose();
    }

    /// <summary>The cleaned copy of <paramref name="pix"/>, whose resolution is <paramref name="resolution"/> ppi (0 when unknown).</summary>
    public static Result Prepare(Pix pix, int resolution)
    {
        using var grey = pix.ToGrey();
        var scale = ScaleFor(TextHeight.Measure(grey));
        using var scaled = scale == 1.0 ? grey.ToGrey() : grey.Scale(scale);
        var raw = Leptonica.pixFindSkewAndDeskew(scaled.Raw, 2, out var angle, out var confidence);
        Pix clean;
        var skew = 0.0;
        if (raw != IntPtr.Zero && Math.Abs(angle) >= MinSkewDegrees && confidence >= MinSkewConfidence)
        {
            clean = Pix.Own(raw, "deskew");
            skew = angle;
        }
        else
        {
            if (raw != IntPtr.Zero) Pix.Own(raw, "deskew").Dispose();
            clean = scaled.ToGrey();
        }
        var effective = resolution > 0 ? (int)Math.Round(resolution * scale) : 0;
        if (effective > 0) clean.SetResolution(effective);
        return new Result(clean, scale, skew, effective);
    }

    private static double ScaleFor(double letterHeight)
    {
        if (letterHeight <= 0) return 1;
        if (letterHeight < SmallLetters) return Math.Min(MaxUpscale, SmallTarget / letterHeight);
        if (letterHeight > LargeLetters) return LargeTarget / letterHeight;
        return 1;
    }

    // Turns a box about (cx, cy) by degrees clockwise (leptonica's sense, y down) and boxes the corners.
    private static BoundingBox Rotate(BoundingBox b, double degrees, double cx, double cy)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        double[] xs = new double[4], ys = new double[4];
        var i = 0;
        foreach (var (x, y) in new[] { (b.Left, b.Top), (b.Right, b.Top), (b.Left, b.Bottom), (b.Right, b.Bottom) })
        {
            xs[i] = cx + (x - cx) * cos - (y - cy) * sin;
            ys[i] = cy + (x - cx) * sin + (y - cy) * cos;
            i++;
        }
        return new BoundingBox(xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }
}
