using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Reads the text in each detected box with the PP-OCRv4 recogniser, a convolutional-recurrent
/// network trained with CTC (Shi et al. 2015, "An End-to-End Trainable Neural Network for Image-based
/// Sequence Recognition"): each box is cropped, scaled to 48 pixels high keeping its proportions
/// (<see cref="LineTensor"/>), padded to the widest box of its batch, and decoded by
/// <see cref="CtcGreedyDecoder"/>. Boxes go in batches of similar width so little padding is run.
/// </summary>
internal static class TextRecognizer
{
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
            var widths = batch.Select(i => LineTensor.ScaledWidth(boxes[i], LineTensor.Height, MaxInputWidth)).ToArray();
            var inputWidth = Math.Max(MinInputWidth, widths.Max());
            var input = new DenseTensor<float>([batch.Length, 3, LineTensor.Height, inputWidth]);
            for (var b = 0; b < batch.Length; b++) LineTensor.Fill(input, b, image, boxes[batch[b]], widths[b]);

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
}
