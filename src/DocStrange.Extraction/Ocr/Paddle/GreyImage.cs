using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>An 8-bit grey image in managed memory, row by row, for the models' input tensors.</summary>
internal sealed class GreyImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Row-major grey levels, 0 black to 255 white.</summary>
    public byte[] Pixels { get; } = pixels;

    /// <summary>The pixels of an 8-bit grey leptonica image.</summary>
    public static unsafe GreyImage From(Pix grey)
    {
        int width = grey.Width, height = grey.Height, wpl = Leptonica.pixGetWpl(grey.Raw);
        var data = (byte*)Leptonica.pixGetData(grey.Raw);
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = data + (long)y * wpl * 4;
            // leptonica keeps bytes in 32-bit words, most significant first: on a little-endian machine byte x is at x ^ 3.
            for (var x = 0; x < width; x++) pixels[y * width + x] = row[BitConverter.IsLittleEndian ? x ^ 3 : x];
        }
        GC.KeepAlive(grey);
        return new GreyImage(width, height, pixels);
    }

    /// <summary>The grey level at (x, y) in pixel coordinates, bilinearly interpolated and clamped to the image.</summary>
    public float Sample(double x, double y)
    {
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
        float fx = (float)(x - x0), fy = (float)(y - y0);
        float top = Pixels[y0 * Width + x0] * (1 - fx) + Pixels[y0 * Width + x1] * fx;
        float bottom = Pixels[y1 * Width + x0] * (1 - fx) + Pixels[y1 * Width + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
