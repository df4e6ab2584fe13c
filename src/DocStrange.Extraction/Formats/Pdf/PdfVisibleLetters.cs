using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The letters a viewer shows: a page is clipped to its crop box, so a glyph drawn wholly outside it
/// is not on the page (printers' marks, text set off the page by a broken producer, huge glyphs run
/// off the edge). A glyph that the edge cuts through is kept, as pdftotext keeps it.
/// </summary>
internal static class PdfVisibleLetters
{
    /// <summary>The letters whose glyph box meets the page's crop box (the same list when all do).</summary>
    public static IReadOnlyList<Letter> Of(Page page, IReadOnlyList<Letter> letters)
    {
        var crop = page.CropBox.Bounds;
        if (crop.Width <= 0 || crop.Height <= 0 || page.Width <= 0 || page.Height <= 0) return letters;
        // Letters come in the turned page's frame when the page has a /Rotate: the displayed page's own
        // box is taken too, so a letter on either is kept.
        var shown = new UglyToad.PdfPig.Core.PdfRectangle(0, 0, page.Width, page.Height);
        List<Letter>? kept = null;
        for (var i = 0; i < letters.Count; i++)
        {
            if (Meets(letters[i], crop) || Meets(letters[i], shown)) kept?.Add(letters[i]);
            else kept ??= letters.Take(i).ToList();
        }
        return kept ?? letters;
    }

    private static bool Meets(Letter letter, UglyToad.PdfPig.Core.PdfRectangle crop)
    {
        var g = letter.BoundingBox;
        // A space or an empty glyph has no extent: its baseline start stands for it.
        if (g.Width <= 0 && g.Height <= 0) return Inside(letter.StartBaseLine.X, letter.StartBaseLine.Y, crop);
        const double Slack = 1;
        return g.Right >= crop.Left - Slack && g.Left <= crop.Right + Slack && g.Top >= crop.Bottom - Slack && g.Bottom <= crop.Top + Slack;
    }

    private static bool Inside(double x, double y, UglyToad.PdfPig.Core.PdfRectangle crop) =>
        x >= crop.Left - 1 && x <= crop.Right + 1 && y >= crop.Bottom - 1 && y <= crop.Top + 1;
}
