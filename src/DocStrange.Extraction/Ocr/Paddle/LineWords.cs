using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// A recognised line split into words at its spaces, those the recogniser missed put back first
/// (<see cref="MissedSpaces"/>). The recogniser gives no word boxes, but CTC
/// places each character at the time steps it fired on, and a time step is a fixed slice of the
/// line's width: a word spans from its first character's first step to its last character's last
/// step, widened by half a step on each side. Its confidence is its characters' mean probability.
/// </summary>
internal static class LineWords
{
    /// <summary>The words of <paramref name="reading"/>, left to right, with boxes in image pixels.</summary>
    public static List<OcrWord> Split(TextRecognizer.Reading reading, GreyImage image)
    {
        var words = new List<OcrWord>();
        var box = reading.Box;
        var run = new List<CtcGreedyDecoder.Character>();
        void Flush()
        {
            if (run.Count == 0) return;
            var left = Math.Clamp(box.Left + (run[0].First - 0.5) * reading.PixelsPerStep, box.Left, box.Right);
            var right = Math.Clamp(box.Left + (run[^1].Last + 1.5) * reading.PixelsPerStep, left, box.Right);
            var text = string.Concat(run.Select(c => c.Text));
            words.Add(new OcrWord(text, new BoundingBox(left, box.Top, right, box.Bottom), run.Average(c => c.Probability)));
            run.Clear();
        }
        foreach (var character in MissedSpaces.Restore(reading, image))
        {
            if (string.IsNullOrWhiteSpace(character.Text)) Flush();
            else run.Add(character);
        }
        Flush();
        return words;
    }
}
