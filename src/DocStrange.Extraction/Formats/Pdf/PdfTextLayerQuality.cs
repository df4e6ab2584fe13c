using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Whether a scanned page's own text layer reads as text. An OCR layer that another tool laid under or over
/// the page image is kept when it looks like writing; it is read again from the image when it is all lower
/// case without punctuation (a search index rather than the text: no capital, no full stop in hundreds of
/// letters, where any prose has both), or when a good share of its characters are symbols no text is made of
/// (the noise of a failed recognition: "Cl&gt;opMa", "npe,[ICT8").
/// </summary>
internal static class PdfTextLayerQuality
{
    /// <summary>The fewest cased letters that make the case and punctuation test.</summary>
    public const int MinLetters = 200;

    // Running text has a capital every few dozen letters and a stop every sentence; these are far below that.
    private const double MaxUpperShare = 0.003;
    private const double MaxStopShare = 0.002;

    // The share of characters that are stray symbols past which the layer is noise.
    private const double MaxSymbolShare = 0.08;

    /// <summary>Whether the letters read so badly that the page image should be read instead.</summary>
    public static bool ReadsPoorly(IReadOnlyList<Letter> letters)
    {
        int cased = 0, upper = 0, stops = 0, symbols = 0, total = 0;
        foreach (var letter in letters)
        {
            foreach (var c in letter.Value)
            {
                if (char.IsWhiteSpace(c)) continue;
                total++;
                if (char.IsUpper(c)) { upper++; cased++; }
                else if (char.IsLower(c)) cased++;
                else if (c is '.' or ',' or ';' or ':' or '?' or '!') stops++;
                else if (IsStraySymbol(c)) symbols++;
            }
        }
        if (total == 0) return false;
        if (symbols > MaxSymbolShare * total) return true;
        return cased >= MinLetters && upper <= MaxUpperShare * cased && stops <= MaxStopShare * total;
    }

    // Characters that appear in text only now and then, and in recognition noise often.
    private static bool IsStraySymbol(char c) => c is '<' or '>' or '[' or ']' or '{' or '}' or '|' or '\\' or '~' or '^' or '`' or '¦' or '¬';
}
