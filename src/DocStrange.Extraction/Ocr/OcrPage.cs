using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// What OCR found on one page image: its text lines in Tesseract's reading order, each tagged with
/// the block and paragraph it belongs to. Boxes are in pixels of the image as given to the engine
/// (top-left origin), whatever the engine turned or scaled internally. Each word also has its box
/// in the frame the text reads upright in (the image as the engine read it: deskewed, turned a
/// quarter or half turn where it lay sideways or upside down, at the image's own pixel scale), where
/// layout analysis looks at it; that frame is <see cref="UprightWidth"/> by <see cref="UprightHeight"/>.
/// </summary>
public sealed record OcrPage(int Width, int Height, IReadOnlyList<OcrLine> Lines)
{
    private readonly double? _uprightWidth;
    private readonly double? _uprightHeight;

    /// <summary>The page's words in reading order.</summary>
    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l.Words);

    /// <summary>The mean word confidence in [0, 1], weighted by word length; null with no words.</summary>
    public double? MeanConfidence => OcrConfidence.Mean([this]);

    /// <summary>The width of the upright frame in pixels; the image's width unless given (the engine turned it a quarter turn).</summary>
    public double UprightWidth { get => _uprightWidth ?? Width; init => _uprightWidth = value; }

    /// <summary>The height of the upright frame in pixels; the image's height unless given.</summary>
    public double UprightHeight { get => _uprightHeight ?? Height; init => _uprightHeight = value; }

    /// <summary>The straight rules drawn on the page (table and form lines), each as its box in the upright frame; none when the engine does not look for them.</summary>
    public IReadOnlyList<BoundingBox> Rules { get; init; } = [];
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

    /// <summary>The baseline's distance from the top of the upright frame, in pixels, where the engine found it; null when unknown or when the line is turned.</summary>
    public double? Baseline { get; init; }

    /// <summary>How far the line's text is turned counterclockwise in the upright frame, in degrees (0, 90, 180, 270): 90 for a label reading upwards beside upright text.</summary>
    public int Rotation { get; init; }
}

/// <summary>One recognised word with its box (pixels) and confidence in [0, 1].</summary>
public sealed record OcrWord(string Text, BoundingBox Box, double Confidence)
{
    private readonly BoundingBox? _upright;

    /// <summary>The word's box in the upright frame (pixels); <see cref="Box"/> unless given.</summary>
    public BoundingBox Upright { get => _upright ?? Box; init => _upright = value; }
}
