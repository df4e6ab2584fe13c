using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// How thick the strokes of a word are, from the binary image Tesseract recognised: black pixels
/// divided by the horizontal black runs that cross the word (each vertical stroke is one run per
/// row), which is the mean stroke width in pixels. Bold type has strokes about half as thick again.
/// </summary>
internal sealed unsafe class StrokeWidth(Pix binary)
{
    private readonly int _width = binary.Width;
    private readonly int _height = binary.Height;
    private readonly int _wpl = Leptonica.pixGetWpl(binary.Raw);
    private readonly uint* _data = Leptonica.pixGetData(binary.Raw);

    /// <summary>Black pixels and black runs inside the box, for words to be added up line by line.</summary>
    public (long Black, long Runs) Measure(BoundingBox box)
    {
        var left = Math.Clamp((int)box.Left, 0, _width);
        var right = Math.Clamp((int)Math.Ceiling(box.Right), 0, _width);
        var top = Math.Clamp((int)box.Top, 0, _height);
        var bottom = Math.Clamp((int)Math.Ceiling(box.Bottom), 0, _height);
        long black = 0, runs = 0;
        for (var y = top; y < bottom; y++)
        {
            var row = _data + (long)y * _wpl;
            var previous = false;
            for (var x = left; x < right; x++)
            {
                // 1 bpp, leftmost pixel in the most significant bit of each 32-bit word; 1 is black.
                var on = (row[x >> 5] & (0x80000000u >> (x & 31))) != 0;
                if (on)
                {
                    black++;
                    if (!previous) runs++;
                }
                previous = on;
            }
        }
        GC.KeepAlive(binary);
        return (black, runs);
    }
}
