using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Regions;
using DocStrange.Extraction.Layout.Roles;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// An OCR'd page into document blocks through the same layout code as a PDF text layer: Tesseract's
/// paragraphs become layout blocks and its lines layout lines (boxes and font sizes in points, bold
/// where the strokes are clearly thicker than the page's body text), and
/// <see cref="PageBlockBuilder"/> decides headings, list items and paragraphs. Each block then gets
/// the words inside it and their mean confidence, and a running head or folio its page role. Tables
/// drawn without rulings are found on the recognised words as on a text layer (<see cref="OcrTables"/>).
/// </summary>
internal static class OcrBlocks
{
    /// <summary>The blocks of page <paramref name="pageNumber"/> (<paramref name="pageHeight"/> points high); <paramref name="toPage"/> maps the image onto the page.</summary>
    public static IReadOnlyList<Block> Build(OcrPage page, PixelToPage toPage, double pageWidth, double pageHeight, int pageNumber, PageBlockBuilder builder)
    {
        var lines = OcrNoise.Clean(page.Lines)
            .Select(OcrBullets.Repair)
            .Select(l => ToPoints(l, toPage))
            .ToList();
        var (tables, rest) = OcrTables.Take(lines, pageWidth, pageHeight, pageNumber);
        var regions = new List<PageRegion>();
        var bodyWeight = Median(rest.Where(l => l.Text.Length >= 10).Select(Weight));
        foreach (var paragraph in Paragraphs(rest))
        {
            // Row sizes wobble by a point or two with the letters on the row; a paragraph has one size and one weight.
            var size = Math.Round(Median(paragraph.Select(l => l.FontSize)) * 2) / 2;
            var bold = bodyWeight > 0 && Median(paragraph.Select(Weight)) >= BoldWeight * bodyWeight;
            regions.Add(PageRegion.Of(new LayoutBlock([.. paragraph.Select(l => new LayoutLine(l.Text, l.Box, size, bold))])));
        }
        // Text keeps the engine's reading order; a table goes before the first text that starts below its top.
        foreach (var table in tables)
        {
            var at = regions.FindIndex(r => r.Table is null && r.Box.Top > table.Box.Top);
            regions.Insert(at < 0 ? regions.Count : at, PageRegion.Of(table));
        }
        var blocks = builder.Build(new PageLayout(pageNumber, pageWidth, pageHeight, regions));
        return OcrPageFurniture.Mark(AttachWords(blocks, rest), pageHeight);
    }

    // Stroke width for the font size: bold type's strokes are about half as thick again as regular.
    private const double BoldWeight = 1.2;

    private static double Weight(OcrLine line) => line.FontSize > 0 ? line.StrokeWidth / line.FontSize : 0;

    // The lower median: of two lines, the smaller, so one tall glyph does not make a paragraph a heading.
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[(sorted.Count - 1) / 2];
    }

    // Consecutive lines of one Tesseract paragraph, in reading order.
    private static IEnumerable<List<OcrLine>> Paragraphs(List<OcrLine> lines)
    {
        List<OcrLine>? run = null;
        foreach (var line in lines)
        {
            if (run is not null && (run[^1].Block != line.Block || run[^1].Paragraph != line.Paragraph))
            {
                yield return run;
                run = null;
            }
            (run ??= []).Add(line);
        }
        if (run is not null) yield return run;
    }

    private static OcrLine ToPoints(OcrLine line, PixelToPage toPage) => line with
    {
        Box = toPage.Map(line.Box),
        FontSize = line.FontSize * toPage.ScaleY,
        Words = [.. line.Words.Select(w => w with { Box = toPage.Map(w.Box) })],
    };

    // A block's box is the union of the boxes of the lines it was made of, so its lines are the
    // unused ones inside it (taken in order, so overlapping blocks do not share a line).
    private static IReadOnlyList<Block> AttachWords(IReadOnlyList<Block> blocks, List<OcrLine> lines)
    {
        var used = new bool[lines.Count];
        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            var words = new List<Word>();
            if (block.Provenance?.Box is { } box)
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    if (used[i] || !Inside(lines[i].Box, box)) continue;
                    used[i] = true;
                    words.AddRange(lines[i].Words.Select(w => new Word(w.Text, w.Box, Math.Round(w.Confidence, 4))));
                }
            }
            result.Add(block with { Words = words, Confidence = MeanConfidence(words) });
        }
        return result;
    }

    private static bool Inside(BoundingBox inner, BoundingBox outer) =>
        inner.Left >= outer.Left - 0.05 && inner.Right <= outer.Right + 0.05 && inner.Top >= outer.Top - 0.05 && inner.Bottom <= outer.Bottom + 0.05;

    private static double? MeanConfidence(List<Word> words)
    {
        var weight = words.Sum(w => w.Text.Length);
        return weight == 0 ? null : Math.Round(words.Sum(w => w.Confidence * w.Text.Length) / weight, 4);
    }
}
