namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Bullets as Tesseract reads them: a round bullet standing alone before a line's text often comes
/// out as «, ©, ¢, °, ® or ·, and, when it is unsure, as * or +. Such a lone sign starting a line, of
/// a bullet's size (a small mark, about as wide as high, under two thirds of an em), is written back
/// as "•", so the layout sees a list item; a « answered by a » on the same line is a French quotation
/// and stays. Runs before noise is dropped (<see cref="OcrNoise"/>), which would take an unsure sign
/// for a speck.
/// </summary>
internal static class OcrBullets
{
    /// <summary>The bullet a misread one is written back as.</summary>
    public const string Bullet = "•";

    private const string Misread = "«©¢°®·•●▪■◦";
    private const string MisreadWhenUnsure = "*+";
    private const double MaxSize = 0.65, MinSize = 0.1, UnsureConfidence = 0.5;

    /// <summary>The line with its leading misread bullet made "•"; the same line when it has none.</summary>
    public static OcrLine Repair(OcrLine line)
    {
        if (line.Words.Count < 2) return line;
        var first = line.Words[0];
        if (first.Text.Length != 1 || first.Text == Bullet) return line;
        if (!Misread.Contains(first.Text[0]) && !(MisreadWhenUnsure.Contains(first.Text[0]) && first.Confidence < UnsureConfidence)) return line;
        if (first.Text == "«" && line.Words.Any(w => w.Text.Contains('»'))) return line;
        if (!char.IsLetterOrDigit(line.Words[1].Text[0]) && line.Words[1].Text[0] is not ('"' or '“' or '(')) return line;
        if (!BulletSized(first, line.FontSize)) return line;
        return line with { Words = [first with { Text = Bullet }, .. line.Words.Skip(1)] };
    }

    private static bool BulletSized(OcrWord word, double fontSize)
    {
        var (width, height) = (word.Upright.Width, word.Upright.Height);
        if (fontSize <= 0) return true;
        return width <= MaxSize * fontSize && height <= MaxSize * fontSize && width >= MinSize * fontSize && height >= MinSize * fontSize
            && width <= 2 * height && height <= 2 * width;
    }
}
