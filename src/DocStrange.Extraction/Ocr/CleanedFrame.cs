using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// A page read on a cleaned image (<see cref="ImageCleanup"/>: scaled, deskewed, perhaps turned) taken
/// back to the pixels given to the engine; the upright frame stays as the engine read it, at the given
/// image's scale.
/// </summary>
internal static class CleanedFrame
{
    /// <summary><paramref name="page"/>, read on <paramref name="clean"/> turned by <paramref name="turns"/> quarter turns, in the <paramref name="width"/> × <paramref name="height"/> image given.</summary>
    public static OcrPage ToInput(OcrPage page, ImageCleanup.Result clean, int turns, int width, int height)
    {
        BoundingBox Map(BoundingBox b)
        {
            var box = clean.ToOriginal(QuarterTurns.Undo(b, turns, clean.Pix.Width, clean.Pix.Height));
            return new BoundingBox(Math.Clamp(box.Left, 0, width), Math.Clamp(box.Top, 0, height), Math.Clamp(box.Right, 0, width), Math.Clamp(box.Bottom, 0, height));
        }
        var (uprightWidth, uprightHeight) = (page.UprightWidth / clean.Scale, page.UprightHeight / clean.Scale);
        BoundingBox Upright(BoundingBox b) => new(Math.Clamp(b.Left / clean.Scale, 0, uprightWidth), Math.Clamp(b.Top / clean.Scale, 0, uprightHeight),
            Math.Clamp(b.Right / clean.Scale, 0, uprightWidth), Math.Clamp(b.Bottom / clean.Scale, 0, uprightHeight));
        var lines = page.Lines.Select(l => l with
        {
            Box = Map(l.Box),
            FontSize = l.FontSize / clean.Scale,
            Baseline = l.Baseline / clean.Scale,
            Words = [.. l.Words.Select(w => w with { Box = Map(w.Box), Upright = Upright(w.Upright) })],
        }).ToList();
        return new OcrPage(width, height, lines) { UprightWidth = uprightWidth, UprightHeight = uprightHeight, Rules = [.. page.Rules.Select(Upright)] };
    }
}
