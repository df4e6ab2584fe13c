namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Puts back the spaces the recogniser left out. The PP-OCRv4 recogniser, trained mostly on Chinese,
/// often runs Latin words together on dense print ("thenutandbolt"); the ink says where they part: a
/// run of blank columns between two letters as wide as a word space is one: a fifth of the line's
/// height (letters stand about a twentieth of an em apart, words a quarter), or more on a line whose
/// found spaces are wider (a little over half the typical one).
/// Only gaps between Latin-script characters are looked at: Chinese is written without spaces.
/// </summary>
internal static class MissedSpaces
{
    // The least word space as a share of the line box's height, and of the line's found spaces; a grey
    // level dark enough to be ink (anti-aliased edges included) on a scan's grey paper; the share of the
    // box left out at top and bottom, where the neighbouring lines' ascenders and descenders may reach.
    private const double DefaultSpace = 0.2, ShareOfFoundSpaces = 0.6, Margin = 0.06;
    private const byte Ink = 190;

    /// <summary>The characters of <paramref name="reading"/> with a space wherever the ink shows a gap between words.</summary>
    public static List<CtcGreedyDecoder.Character> Restore(TextRecognizer.Reading reading, GreyImage image)
    {
        var letters = reading.Characters.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
        var spaced = new bool[letters.Count];
        for (int i = 0, l = -1; i < reading.Characters.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(reading.Characters[i].Text)) { if (l >= 0) spaced[l] = true; }
            else l++;
        }
        var gaps = new double[letters.Count];
        for (var i = 0; i + 1 < letters.Count; i++)
        {
            gaps[i] = IsLatin(letters[i].Text) && IsLatin(letters[i + 1].Text) ? BlankRun(reading, image, letters[i], letters[i + 1]) : 0;
        }
        var found = Enumerable.Range(0, Math.Max(0, letters.Count - 1)).Where(i => spaced[i] && gaps[i] > 0).Select(i => gaps[i]).Order().ToList();
        var height = reading.Box.Height;
        var space = found.Count >= 2 ? Math.Max(DefaultSpace * height, ShareOfFoundSpaces * found[found.Count / 2]) : DefaultSpace * height;

        var restored = new List<CtcGreedyDecoder.Character>(reading.Characters.Count);
        for (var i = 0; i < letters.Count; i++)
        {
            restored.Add(letters[i]);
            if (i + 1 < letters.Count && (spaced[i] || gaps[i] >= space))
            {
                restored.Add(new CtcGreedyDecoder.Character(" ", letters[i].Last, letters[i + 1].First, letters[i].Probability));
            }
        }
        return restored;
    }

    private static bool IsLatin(string text) => text.Length == 1 && text[0] is > ' ' and < '\u0250';

    // The widest run of columns between two letters' time steps with no ink in the line's middle band.
    private static double BlankRun(TextRecognizer.Reading reading, GreyImage image, CtcGreedyDecoder.Character a, CtcGreedyDecoder.Character b)
    {
        var box = reading.Box;
        var from = box.Left + (a.Last + 0.5) * reading.PixelsPerStep;
        var to = box.Left + (b.First + 0.5) * reading.PixelsPerStep;
        var top = Math.Clamp((int)(box.Top + Margin * box.Height), 0, image.Height - 1);
        var bottom = Math.Clamp((int)(box.Bottom - Margin * box.Height), top + 1, image.Height);
        int left = Math.Clamp((int)from, 0, image.Width), right = Math.Clamp((int)Math.Ceiling(to), left, image.Width);
        int run = 0, longest = 0;
        for (var x = left; x < right; x++)
        {
            var blank = true;
            for (var y = top; y < bottom && blank; y++) blank = image.Pixels[y * image.Width + x] >= Ink;
            run = blank ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
