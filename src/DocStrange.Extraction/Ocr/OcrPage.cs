using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// What OCR found on one page image: its text lines in Tesseract's reading order, each tagged with
/// the block and paragraph it belongs to. Boxes are in pixels of the image as given to the engine
/// (top-left origin), whatever the engine turned or scaled internally.
/// </summary>
public sealed record OcrPage(int Width, int Height, IReadOnlyList<OcrLine> Lines)
{
    /// <summary>The page's words in reading order.</summary>
    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l.Words);

    /// <summary>The mean word confidence in [0, 1], weighted by word length; null with no words.</summary>
    public double? MeanConfidence => OcrConfidence.Mean([this]);
}

/// <summary>
/// One recognised line: its words, its box, the ids of its block and paragraph on the page, and its
/// font size in pixels (the em, judged from how far its tallest letters rise above the baseline).
/// </summary>
public sealed record OcrLine(IReadOnlyList<OcrWord> Words, BoundingBox Box, int Block, int Paragraph, double FontSize)
{
    /// <summary>The words joined by single spaces.</summary>
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    /// <summary>The mean thickness of the line's strokes in pixels (<see cref="Ocr.StrokeWidth"/>); 0 when unknown.</summary>
    public double StrokeWidth { get; init; }
}

/// <summary>One recognised word with its box (pixels) and confidence in [0, 1].</summary>
public sealed record OcrWord(string Text, BoundingBox Box, double Confidence);
