using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Finds text lines with the PP-OCRv4 detector: the page scaled so its sides are multiples of 32
/// (the network halves the image five times) and its longest side at most the configured limit,
/// normalised as the model was trained (ImageNet mean and deviation), and the probability map it
/// returns turned into boxes by <see cref="DbPostProcess"/>.
/// </summary>
internal static class TextDetector
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];

    /// <summary>The text boxes on <paramref name="image"/>, in its pixels, top to bottom.</summary>
    public static List<TextBox> Detect(InferenceSession session, GreyImage image, int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(image.Width, image.Height));
        var width = MultipleOf32(image.Width * scale);
        var height = MultipleOf32(image.Height * scale);
        double stepX = (double)image.Width / width, stepY = (double)image.Height / height;

        var input = new DenseTensor<float>([1, 3, height, width]);
        var buffer = input.Buffer.Span;
        var plane = width * height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var grey = image.Sample((x + 0.5) * stepX - 0.5, (y + 0.5) * stepY - 0.5) / 255f;
                for (var c = 0; c < 3; c++) buffer[c * plane + y * width + x] = (grey - Mean[c]) / Deviation[c];
            }
        }

        var name = session.InputMetadata.Keys.First();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(name, input)]);
        var map = results[0].AsTensor<float>() as DenseTensor<float> ?? results[0].AsTensor<float>().ToDenseTensor();
        var boxes = DbPostProcess.Boxes(map.Buffer.Span, width, height, stepX, stepY, image.Width, image.Height);
        boxes.Sort(PageTurns.TopToBottom);
        return boxes;
    }

    private static int MultipleOf32(double side) => Math.Max(32, (int)Math.Round(side / 32) * 32);
}
