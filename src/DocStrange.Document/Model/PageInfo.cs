namespace DocStrange.Document.Model;

/// <summary>A page (slide, sheet) of the source: 1-based number, size in points, rotation in degrees, and whether it was OCR'd.</summary>
public sealed record PageInfo(int Number, double Width = 0, double Height = 0, int Rotation = 0, bool Ocr = false)
{
    /// <summary>Whether the source hides this page (a hidden sheet or slide); its content is still converted.</summary>
    public bool Hidden { get; init; }

    /// <summary>Whether the page's layout lost or doubled a word and it was laid out again the safe way (no tables, plain reading order).</summary>
    public bool LayoutFallback { get; init; }
}
