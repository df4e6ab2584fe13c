using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// A PDF page's text layer as layout blocks: letters (overprints dropped) -> words (<see cref="PdfWords"/>) -> lines and blocks (Docstrum, O'Gorman 1993)
/// -> reading order (PdfPig's unsupervised detector, after Aiello et al. 2003), with boxes turned
/// from PDF's bottom-left origin to the model's top-left one.
/// </summary>
internal static class PdfPageLayout
{
    // One thread per page: a worker gets its parallelism from running pages and jobs side by side.
    private static readonly DocstrumBoundingBoxes Segmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>The page's blocks in reading order, from all its letters (space glyphs included: they mark word breaks).</summary>
    public static IReadOnlyList<LayoutBlock> Read(Page page, IReadOnlyList<Letter> letters)
    {
        if (letters.Count == 0) return [];
        var words = PdfWords.Extract(PdfOverprint.Remove(letters));
        var blocks = Segmenter.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        return DetachedMarkers.Reattach(ordered.Select(b => ToLayout(b, page.Height)).ToList());
    }

    private static LayoutBlock ToLayout(TextBlock block, double pageHeight) =>
        new(block.TextLines.Select(l => ToLayout(l, pageHeight)).ToList());

    private static LayoutLine ToLayout(TextLine line, double pageHeight)
    {
        var letters = line.Words.SelectMany(w => w.Letters).ToList();
        var size = letters.GroupBy(l => Math.Round(l.PointSize * 2) / 2)
            .MaxBy(g => (g.Count(), g.Key))?.Key ?? 0;
        var bold = PdfFontStyle.CountBold(letters) >= 0.9 * letters.Count;
        var italic = PdfFontStyle.CountItalic(letters) >= 0.9 * letters.Count;
        var box = line.BoundingBox;
        var topLeft = new BoundingBox(box.Left, pageHeight - box.Top, box.Right, pageHeight - box.Bottom);
        return new LayoutLine(LineText(line), topLeft, size, bold, italic);
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
