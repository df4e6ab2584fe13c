using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Whether a page reads upside down, by PaddleOCR's text-direction classifier (0° or 180° per line crop
/// of 48 × 192): its longest lines are asked, and most must say so surely, so a few pictures or rules
/// cannot sway the page.
/// </summary>
internal static class TextDirection
{
    /// <summary>Whether most of the longest of <paramref name="boxes"/> on <paramref name="image"/> read upside down.</summary>
    public static bool UpsideDown(InferenceSession session, GreyImage image, IReadOnlyList<TextBox> boxes)
    {
        var sample = boxes.Where(b => b.Width > b.Height).OrderByDescending(b => b.Width).Take(SampledLines).ToList();
        if (sample.Count == 0) return false;
        var input = new DenseTensor<float>([sample.Count, 3, LineTensor.Height, InputWidth]);
        for (var b = 0; b < sample.Count; b++) LineTensor.Fill(input, b, image, sample[b], LineTensor.ScaledWidth(sample[b], LineTensor.Height, InputWidth));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        var output = results[0].AsTensor<float>();
        var flipped = Enumerable.Range(0, sample.Count).Count(b => output[b, 1] > SureEnough);
        return flipped * 2 > sample.Count;
    }

    // The classifier's input width; the lines asked; the probability of 180° that counts as a vote.
    private const int InputWidth = 192;
    private const int SampledLines = 16;
    private const float SureEnough = 0.9f;
}
