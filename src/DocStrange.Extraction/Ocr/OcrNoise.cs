namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Drops what Tesseract reads out of non-text: a ruling line read as "|", punctuation it is unsure of
/// standing alone (specks), and lines with no letter or digit at all (borders, the edges of pictures).
/// </summary>
internal static class OcrNoise
{
    /// <summary>The lines without noise words; lines left with no words are dropped.</summary>
    public static IEnumerable<OcrLine> Clean(IEnumerable<OcrLine> lines)
    {
        foreach (var line in lines)
        {
            var words = line.Words.Where(w => !IsRule(w.Text) && !IsSpeck(w)).ToList();
            if (words.Count == 0 || !words.Any(w => w.Text.Any(char.IsLetterOrDigit))) continue;
            yield return words.Count == line.Words.Count ? line : line with { Words = words };
        }
    }

    private static bool IsSpeck(OcrWord word) => word.Confidence < 0.5 && !word.Text.Any(char.IsLetterOrDigit);

    // Vertical rules of tables and frames come out as bars or brackets standing alone.
    private static bool IsRule(string text) => text.All(ch => ch is '|' or '¦' or '‖' or '[' or ']' or '{' or '}' or '!' or 'I' or 'l') && text.Any(ch => ch is '|' or '¦' or '‖');
}
