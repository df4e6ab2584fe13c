namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Bullets as Tesseract reads them: a round bullet standing alone before a line's text often comes
/// out as «, ©, ¢, °, ® or ·. Such a lone sign starting a line is written back as "•", so the layout
/// sees a list item; a « answered by a » on the same line is a French quotation and stays.
/// </summary>
internal static class OcrBullets
{
    private const string Misread = "«©¢°®·•●▪■◦";

    /// <summary>The line with its leading misread bullet made "•"; the same line when it has none.</summary>
    public static OcrLine Repair(OcrLine line)
    {
        if (line.Words.Count < 2) return line;
        var first = line.Words[0];
        if (first.Text.Length != 1 || !Misread.Contains(first.Text[0]) || first.Text == "•") return line;
        if (first.Text == "«" && line.Words.Any(w => w.Text.Contains('»'))) return line;
        if (!char.IsLetterOrDigit(line.Words[1].Text[0]) && line.Words[1].Text[0] is not ('"' or '“' or '(')) return line;
        return line with { Words = [first with { Text = "•" }, .. line.Words.Skip(1)] };
    }
}
