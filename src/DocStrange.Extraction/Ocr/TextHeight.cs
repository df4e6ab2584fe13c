using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// The typical height of a letter on a page image, in pixels: the median height of the dark
/// connected components of letter size. Most letters of running text are x-height letters, so this
/// is close to the x-height, whatever resolution the file claims. 0 when the page has no such marks.
/// </summary>
internal static class TextHeight
{
    /// <summary>The median letter height of an 8-bit grey image.</summary>
    public static double Measure(Pix grey)
    {
        using var binary = Pix.Own(Leptonica.pixConvertTo1(grey.Raw, 128), "binarise");
        var boxa = Leptonica.pixConnComp(binary.Raw, IntPtr.Zero, 8);
        if (boxa == IntPtr.Zero) return 0;
        try
        {
            var heights = new List<int>();
            var count = Leptonica.boxaGetCount(boxa);
            for (var i = 0; i < count; i++)
            {
                if (Leptonica.boxaGetBoxGeometry(boxa, i, out _, out _, out var w, out var h) != 0) continue;
                // Letters: not specks, not rules or pictures.
                if (h is >= 4 and <= 120 && w is >= 2 and <= 120 && w <= 3 * h) heights.Add(h);
            }
            if (heights.Count < 20) return 0;
            heights.Sort();
            return heights[heights.Count / 2];
        }
        finally
        {
            Leptonica.boxaDestroy(ref boxa);
        }
    }
}
