using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// A PDF page's text layer as layout blocks: letters (overprints dropped) -> words
/// (<see cref="PdfWords"/>) -> lines and blocks (Docstrum, O'Gorman 1993) -> reading order
/// (PdfPig's unsupervised detector, after Aiello et al. 2003). A page whose text
/// runs sideways is first turned upright (<see cref="PdfPageOrientation"/>); boxes come back in the
/// displayed page's frame with the model's top-left origin.
/// </summary>
internal static class PdfPageLayout
{
    // One thread per page: a worker gets its parallelism from running pages and jobs side by side.
    private static readonly DocstrumBoundingBoxes Segmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>The page's blocks in reading order, from all its letters (space glyphs included: they mark word breaks).</summary>
    public static IReadOnlyList<LayoutBlock> Read(Page page, IReadOnlyList<Letter> letters)
    {
        if (letters.Count == 0) return [];
        var orientation = PdfPageOrientation.Detect(letters, page.Width, page.Height);
        var upright = orientation.IsUpright ? letters : letters.Select(orientation.Apply).ToList();
        var words = PdfWords.Extract(PdfOverprint.Remove(upright));
        var blocks = Segmenter.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        return DetachedMarkers.Reattach(ordered.Select(b => ToLayout(b, orientation)).ToList());
    }

    private static LayoutBlock ToLayout(TextBlock block, PdfPageOrientation orientation) =>
        new(block.TextLines.Select(l => ToLayout(l, orientation)).ToList());

    private static LayoutLine ToLayout(TextLine line, PdfPageOrientation orientation)
    {
        var letters = line.Words.SelectMany(w => w.Letters).ToList();
        var size = letters.GroupBy(l => Math.Round(l.PointSize * 2) / 2)
            .MaxBy(g => (g.Count(), g.Key))?.Key ?? 0;
        var bold = PdfFontStyle.CountBold(letters) >= 0.9 * letters.Count;
        var italic = PdfFontStyle.CountItalic(letters) >= 0.9 * letters.Count;
        return new LayoutLine(LineText(line), orientation.ToDisplayBox(line.BoundingBox), size, bold, italic);
    }

    // Right-to-left lines are drawn in visual order: read their words right to left, and each
    // right-to-left word's letters likewise.
    private static string LineText(TextLine line)
    {
        var rtl = line.Words.Sum(w => Bidi.HasRightToLeft(w.Text) ? w.Text.Length : -w.Text.Length) > 0;
        if (!rtl && !line.Words.Any(w => Bidi.HasRightToLeft(w.Text))) return string.Join(' ', line.Words.Select(w => w.Text));
        var words = rtl ? line.Words.OrderByDescending(w => w.BoundingBox.Left) : line.Words.AsEnumerable();
        return string.Join(' ', words.Select(w => Bidi.HasRightToLeft(w.Text) ? Bidi.Reverse(w.Letters.Select(l => l.Value)) : w.Text));
    }
}
