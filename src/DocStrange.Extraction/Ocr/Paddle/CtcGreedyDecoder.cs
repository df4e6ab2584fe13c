namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Best-path decoding of a CTC output (Graves et al. 2006, "Connectionist Temporal Classification"):
/// the likeliest class at each time step, repeats merged and blanks (class 0) dropped. Each character
/// keeps the time steps it spans, so words can be placed along the line, and its probability.
/// </summary>
internal static class CtcGreedyDecoder
{
    /// <summary>One decoded character: its text, first and last time step, and probability.</summary>
    public readonly record struct Character(string Text, int First, int Last, float Probability);

    /// <summary>
    /// The characters of one line from <paramref name="probabilities"/> (<paramref name="steps"/> × classes,
    /// row-major); class <c>k ≥ 1</c> is <paramref name="characters"/>[k − 1].
    /// </summary>
    public static List<Character> Decode(ReadOnlySpan<float> probabilities, int steps, IReadOnlyList<string> characters)
    {
        var classes = characters.Count + 1;
        var decoded = new List<Character>();
        var previous = 0;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            for (var k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            if (best != 0 && best == previous)
            {
                var last = decoded[^1];
                decoded[^1] = last with { Last = t, Probability = Math.Max(last.Probability, row[best]) };
            }
            else if (best != 0)
            {
                decoded.Add(new Character(characters[best - 1], t, t, row[best]));
            }
            previous = best;
        }
        return decoded;
    }
}
