namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Drops what Tesseract reads out of non-text: a ruling line read as "|", punctuation it is unsure of
/// standing alone (specks: at either end of a line, or set apart from the words beside it), and lines
/// with no letter or digit at all (borders, the edges of pictures). A sign it is unsure of between two
/// words at word spacing is a glyph it misread (a fraction read as "%"), and stays, so the line keeps
/// no gap where it stood; so does a bullet (<see cref="OcrBullets"/>).
/// </summary>
internal static class OcrNoise
{
    private const double MinConfidence = 0.5;

    /// <summary>The lines without noise words; lines left with no words are dropped.</summary>
    public static IEnumerable<OcrLine> Clean(IEnumerable<OcrLine> lines)
    {
        foreach (var line in lines)
        {
            var words = line.Words.Where((w, i) => !IsRule(w.Text) && !IsSpeck(line, i)).ToList();
            if (words.Count == 0 || !words.Any(w => w.Text.Any(char.IsLetterOrDigit))) continue;
            yield return words.Count == line.Words.Count ? line : line with { Words = words };
        }
    }

    private static bool IsSpeck(OcrLine line, int i)
    {
        var word = line.Words[i];
        if (word.Confidence >= MinConfidence || word.Text.Any(char.IsLetterOrDigit) || word.Text == OcrBullets.Bullet) return false;
        if (i == 0 || i == line.Words.Count - 1) return true;
        var space = Math.Max(1, line.FontSize);
        return word.Upright.Left - line.Words[i - 1].Upright.Right > space || line.Words[i + 1].Upright.Left - word.Upright.Right > space;
    }

    // Vertical rules of tables and frames come out as bars or brackets standing alone.
    private static bool IsRule(string text) => text.All(ch => ch is '|' or '¦' or '‖' or '[' or ']' or '{' or '}' or '!' or 'I' or 'l') && text.Any(ch => ch is '|' or '¦' or '‖');
}
