using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The letters on the sheet: a glyph drawn wholly outside the page's media box is off the paper
/// (text set off the page by a broken producer, huge glyphs run off the edge) and no viewer or
/// printer shows it. Text inside the media box but outside a smaller crop box is kept, as pdftotext
/// keeps it: a crop box is often set by mistake. A glyph that the edge cuts through is kept.
/// </summary>
internal static class PdfVisibleLetters
{
    /// <summary>The letters whose glyph box meets the media box (the same list when all do).</summary>
    public static IReadOnlyList<Letter> Of(Page page, IReadOnlyList<Letter> letters)
    {
        var media = page.MediaBox.Bounds;
        var crop = page.CropBox.Bounds;
        if (media.Width <= 0 || media.Height <= 0) return letters;
        // Letters come relative to the crop box's corner, and turned with the page when it has a /Rotate:
        // the media box is tried in each frame the letters may be given in, so a letter on any is kept.
        PdfRectangle[] sheets = page.Rotation.Value == 0
            ? [media, new PdfRectangle(media.Left - crop.Left, media.Bottom - crop.Bottom, media.Right - crop.Left, media.Top - crop.Bottom)]
            : [media, new PdfRectangle(0, 0, Math.Max(media.Width, media.Height), Math.Max(media.Width, media.Height))];
        List<Letter>? kept = null;
        for (var i = 0; i < letters.Count; i++)
        {
            if (sheets.Any(s => Meets(letters[i], s))) kept?.Add(letters[i]);
            else kept ??= letters.Take(i).ToList();
        }
        return kept ?? letters;
    }

    private static bool Meets(Letter letter, PdfRectangle sheet)
    {
        const double Slack = 1;
        var g = letter.BoundingBox;
        // A space or an empty glyph has no extent: its baseline start stands for it.
        if (g.Width <= 0 && g.Height <= 0) g = new PdfRectangle(letter.StartBaseLine, letter.StartBaseLine);
        return g.Right >= sheet.Left - Slack && g.Left <= sheet.Right + Slack && g.Top >= sheet.Bottom - Slack && g.Bottom <= sheet.Top + Slack;
    }
}
