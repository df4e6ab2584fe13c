using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// An OCR'd page as layout analysis takes it, the same <see cref="PageContent"/> a PDF text layer
/// gives: the recognised words in points, in the frame the text reads upright in (the engine's
/// deskewed, turned reading of the image), each with its confidence, its place in the engine's
/// reading order and the paragraph the engine put it in. Before that, what only a recogniser gets
/// wrong is put right on its lines: bullets read as other signs are bullets again
/// (<see cref="OcrBullets"/>) and noise read out of rules and specks is dropped
/// (<see cref="OcrNoise"/>). The image has no fonts, so each word gets its line's baseline, and the
/// size and weight of its paragraph as the engine grouped it: the em judged from its letters, and
/// bold where the strokes are clearly thicker than the page's body text (both wobble from line to
/// line with the letters on the line; a paragraph has one size and one weight); on a typescript
/// every word is fixed-pitch (<see cref="FixedPitch"/>), so the wide gaps a typewriter leaves after
/// a full stop do not cut its lines. The rules the engine found drawn on the image are the page's
/// rulings, so tables ruled on paper are found as on a text layer; the page has no pictures. <see cref="ToDisplay"/>
/// takes the blocks made of it back to the page as displayed, where every word keeps its box on the
/// image.
/// </summary>
internal sealed class OcrPageContent
{
    // Stroke width for the font size: bold type's strokes are about half as thick again as regular.
    private const double BoldWeight = 1.2;

    private readonly Dictionary<BoundingBox, BoundingBox> _display;

    private OcrPageContent(PageContent content, Dictionary<BoundingBox, BoundingBox> display)
    {
        Content = content;
        _display = display;
    }

    /// <summary>The words of the page, upright, in points.</summary>
    public PageContent Content { get; }

    /// <summary>
    /// Page <paramref name="pageNumber"/>'s content; <paramref name="toPage"/> maps the image onto the
    /// displayed page, <paramref name="pageWidth"/> by <paramref name="pageHeight"/> points.
    /// </summary>
    public static OcrPageContent Of(OcrPage page, PixelToPage toPage, double pageWidth, double pageHeight, int pageNumber)
    {
        // A page the engine turned a quarter turn reads upright across the image's height.
        var sideways = Math.Abs(page.UprightWidth - page.Width) > Math.Abs(page.UprightWidth - page.Height);
        var upright = sideways ? new PixelToPage(toPage.ScaleY, toPage.ScaleX, 0, 0) : toPage;
        var (width, height) = sideways ? (page.UprightWidth * upright.ScaleX, page.UprightHeight * upright.ScaleY) : (pageWidth, pageHeight);

        var verticalRules = page.Rules.Where(r => r.Height > r.Width).ToList();
        var lines = OcrNoise.Clean(page.Lines.Select(OcrBullets.Repair).Select(l => OcrRuleGlyphs.Trim(l, verticalRules))).ToList();
        var bodyWeight = Median(lines.Where(l => l.Text.Length >= 10).Select(Weight));
        var fixedPitch = FixedPitch.Holds(lines.Where(l => l.Rotation == 0).SelectMany(l => l.Words).Select(w => (w.Text, w.Upright.Width)));
        var words = new List<LayoutWord>();
        var display = new Dictionary<BoundingBox, BoundingBox>();
        var paragraphs = 0;
        foreach (var paragraph in Paragraphs(lines))
        {
            paragraphs++;
            var size = Math.Max(1, Math.Round(Math.Min(Median(paragraph.Select(l => l.FontSize * upright.ScaleY)), MaxSize(paragraph) * upright.ScaleY) * 2) / 2);
            var traits = (bodyWeight > 0 && Median(paragraph.Select(Weight)) >= BoldWeight * bodyWeight ? FontTraits.Bold : FontTraits.None)
                | (fixedPitch ? FontTraits.Monospace : FontTraits.None);
            foreach (var line in paragraph)
            {
                var baseline = upright.OffsetY + upright.ScaleY * (line.Baseline ?? line.Words.Max(w => w.Upright.Bottom));
                foreach (var word in line.Words)
                {
                    var box = upright.Map(word.Upright);
                    words.Add(new LayoutWord(word.Text, box, baseline, size, traits) { Rotation = line.Rotation, Sequence = words.Count + 1, Paragraph = paragraphs, Confidence = word.Confidence });
                    display.TryAdd(box, toPage.Map(word.Box));
                }
            }
        }
        var rulings = page.Rules.Select(upright.Map).Select(ToRuling).ToList();
        return new OcrPageContent(new PageContent(pageNumber, width, height, words) { Rulings = rulings }, display);
    }

    /// <summary>
    /// The blocks with their words at their boxes on the displayed page, and each block's box the
    /// union of its words' (a block without words keeps its box).
    /// </summary>
    public IReadOnlyList<Block> ToDisplay(IReadOnlyList<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Words is not { Count: > 0 } words || block.Provenance is null)
            {
                result.Add(block);
                continue;
            }
            var shown = words.Select(w => _display.TryGetValue(w.Box, out var box) ? w with { Box = box } : w).ToList();
            var union = shown.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
            var rounded = new BoundingBox(Math.Round(union.Left, 2), Math.Round(union.Top, 2), Math.Round(union.Right, 2), Math.Round(union.Bottom, 2));
            result.Add(block with { Words = shown, Provenance = block.Provenance with { Box = rounded } });
        }
        return result;
    }

    // A rule's box as the line along its middle.
    private static Ruling ToRuling(BoundingBox b) => b.Width >= b.Height
        ? new Ruling(b.Left, (b.Top + b.Bottom) / 2, b.Right, (b.Top + b.Bottom) / 2)
        : new Ruling((b.Left + b.Right) / 2, b.Top, (b.Left + b.Right) / 2, b.Bottom);

    // The largest em the paragraph's words allow: a word's box is at least as tall as its capitals and
    // digits, about 0.7 em, and most words have one. A baseline the engine fits across the cells of a
    // table's row, which sit a little apart, makes the rise of its letters, and so the em, look larger.
    private static double MaxSize(List<OcrLine> paragraph)
    {
        var heights = paragraph.SelectMany(l => l.Words).Select(w => w.Upright.Height).Order().ToList();
        return heights.Count == 0 || heights[heights.Count / 2] <= 0 ? double.MaxValue : heights[heights.Count / 2] / CapHeight;
    }

    private const double CapHeight = 0.7;

    private static double Weight(OcrLine line) => line.FontSize > 0 ? line.StrokeWidth / line.FontSize : 0;

    // The lower median: of two lines, the smaller, so one tall glyph does not make a paragraph a heading.
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[(sorted.Count - 1) / 2];
    }

    // Consecutive lines of one of the engine's paragraphs, in its reading order.
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
}
