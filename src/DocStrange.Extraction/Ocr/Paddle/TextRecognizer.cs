using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Reads the text in each detected box with the PP-OCRv4 recogniser, a convolutional-recurrent
/// network trained with CTC (Shi et al. 2015, "An End-to-End Trainable Neural Network for Image-based
/// Sequence Recognition"): each box is cropped, scaled to 48 pixels high keeping its proportions,
/// normalised to [-1, 1], padded to the widest box of its batch, and decoded by
/// <see cref="CtcGreedyDecoder"/>. Boxes go in batches of similar width so little padding is run.
/// </summary>
internal static class TextRecognizer
{
    private const int InputHeight = 48;
    private const int MinInputWidth = 320;
    private const int MaxInputWidth = 3200;
    private const int BatchSize = 6;

    /// <summary>A box's reading: its characters, and how many image pixels along the box one time step covers.</summary>
    public sealed record Reading(TextBox Box, List<CtcGreedyDecoder.Character> Characters, double PixelsPerStep);

    /// <summary>The readings of <paramref name="boxes"/> on <paramref name="image"/>, in the same order.</summary>
    public static Reading[] Read(InferenceSession session, GreyImage image, IReadOnlyList<TextBox> boxes,
        IReadOnlyList<string> characters, CancellationToken cancellationToken)
    {
        var readings = new Reading[boxes.Count];
        var order = Enumerable.Range(0, boxes.Count).OrderBy(i => boxes[i].Width / Math.Max(1, boxes[i].Height)).ToArray();
        var name = session.InputMetadata.Keys.First();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var widths = batch.Select(i => ScaledWidth(boxes[i])).ToArray();
            var inputWidth = Math.Max(MinInputWidth, widths.Max());
            var input = new DenseTensor<float>([batch.Length, 3, InputHeight, inputWidth]);
            for (var b = 0; b < batch.Length; b++) Fill(input, b, image, boxes[batch[b]], widths[b], inputWidth);

            using var results = session.Run([NamedOnnxValue.CreateFromTensor(name, input)]);
            var output = results[0].AsTensor<float>();
            var output3 = output as DenseTensor<float> ?? output.ToDenseTensor();
            int steps = output3.Dimensions[1], classes = output3.Dimensions[2];
            var stride = (double)inputWidth / steps;
            for (var b = 0; b < batch.Length; b++)
            {
                var box = boxes[batch[b]];
                var probabilities = output3.Buffer.Span.Slice(b * steps * classes, steps * classes);
                readings[batch[b]] = new Reading(box, CtcGreedyDecoder.Decode(probabilities, steps, characters), stride * box.Width / widths[b]);
            }
        }
        return readings;
    }

    private static int ScaledWidth(TextBox box) =>
        Math.Clamp((int)Math.Ceiling(InputHeight * box.Width / Math.Max(1, box.Height)), 1, MaxInputWidth);

    // The box scaled into the batch's tensor at row b; the rest of the row stays 0 (mid-grey after normalising), as PaddleOCR pads.
    private static void Fill(DenseTensor<float> input, int b, GreyImage image, TextBox box, int width, int inputWidth)
    {
        var span = input.Buffer.Span;
        var plane = InputHeight * inputWidth;
        double stepX = box.Width / width, stepY = box.Height / InputHeight;
        for (var y = 0; y < InputHeight; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var grey = image.Sample(box.Left + (x + 0.5) * stepX - 0.5, box.Top + (y + 0.5) * stepY - 0.5) / 127.5f - 1f;
                var at = b * 3 * plane + y * inputWidth + x;
                span[at] = grey;
                span[at + plane] = grey;
                span[at + 2 * plane] = grey;
            }
        }
    }
}
