using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>Line crops as the line models take them: grey scaled to the tensor's height, normalised to [-1, 1], in all three channels.</summary>
internal static class LineTensor
{
    /// <summary>The height both line models were trained at.</summary>
    public const int Height = 48;

    /// <summary>
    /// <paramref name="box"/> on <paramref name="image"/> scaled to the height of <paramref name="input"/> (N × 3 × H × W) and
    /// <paramref name="width"/> pixels wide, into row <paramref name="b"/>; the rest of the row stays 0 (mid-grey), as PaddleOCR pads.
    /// </summary>
    public static void Fill(DenseTensor<float> input, int b, GreyImage image, TextBox box, int width)
    {
        int height = input.Dimensions[2], inputWidth = input.Dimensions[3];
        var span = input.Buffer.Span;
        var plane = height * inputWidth;
        double stepX = box.Width / width, stepY = box.Height / height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < Math.Min(width, inputWidth); x++)
            {
                var grey = image.Sample(box.Left + (x + 0.5) * stepX - 0.5, box.Top + (y + 0.5) * stepY - 0.5) / 127.5f - 1f;
                var at = b * 3 * plane + y * inputWidth + x;
                span[at] = grey;
                span[at + plane] = grey;
                span[at + 2 * plane] = grey;
            }
        }
    }

    /// <summary>How wide <paramref name="box"/> is once scaled to <paramref name="height"/> pixels high, at least 1 and at most <paramref name="max"/>.</summary>
    public static int ScaledWidth(TextBox box, int height, int max) =>
        Math.Clamp((int)Math.Ceiling(height * box.Width / Math.Max(1, box.Height)), 1, max);
}
