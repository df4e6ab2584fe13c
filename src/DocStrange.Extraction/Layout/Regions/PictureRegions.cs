using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Tables;

namespace DocStrange.Extraction.Layout.Regions;

/// <summary>
/// Pictures from a page's raster images and vector figures (<see cref="VectorFigures"/>): boxes that overlap or touch are merged into one figure
/// (a drawing is often many small images); tiny ones (icons, bullets) and ones covering most of the
/// page (backgrounds, the page image of a scanned PDF with a text layer) are no pictures. A word on a
/// picture set smaller than the page's body text is a label of the figure and goes with it; larger
/// text, and captions, stay in the text flow, as text laid over a decorative image does.
/// </summary>
public static class PictureRegions
{
    private const double MinShareOfPage = 0.004;
    private const double MaxShareOfPage = 0.5;
    private const double MinSide = 16;
    private const double LabelSizeRatio = 0.92;

    /// <summary>The pictures and the label words each one takes from the page's <paramref name="lines"/>.</summary>
    public static IReadOnlyList<PictureRegion> Find(PageContent page, IReadOnlyList<LayoutLine> lines, double bodySize, IEnumerable<BoundingBox> taken)
    {
        var words = lines.SelectMany(l => l.Words).ToList();
        var pageArea = page.Width * page.Height;
        var drawn = VectorFigures.Find(page, lines);
        // What runs off the sheet is not seen: a picture is the part of it on the page.
        var boxes = SideBySide(page.Pictures.Concat(drawn).Where(b => b.Area() < MaxShareOfPage * pageArea).ToList(), lines)
            .Where(b => b.Right > 0 && b.Bottom > 0 && b.Left < page.Width && b.Top < page.Height)
            .Select(b => new BoundingBox(Math.Max(0, b.Left), Math.Max(0, b.Top), Math.Min(page.Width, b.Right), Math.Min(page.Height, b.Bottom)))
            .Where(b => b.Area() >= MinShareOfPage * pageArea && b.Width >= MinSide && b.Height >= MinSide && b.Area() < MaxShareOfPage * pageArea)
            .Where(b => !taken.Any(t => t.OverlapArea(b) > 0.5 * Math.Min(t.Area(), b.Area())))
            .ToList();
        if (boxes.Count == 0) return [];
        var captionLines = lines.Where(l => CaptionPrefix.IsCaption(l.Text)).SelectMany(l => l.Words)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var result = new List<PictureRegion>();
        var used = new HashSet<LayoutWord>(ReferenceEqualityComparer.Instance);
        foreach (var box in boxes)
        {
            var labels = words.Where(w => !used.Contains(w) && !captionLines.Contains(w) && box.Contains(w.CenterX, w.CenterY)
                && (bodySize <= 0 || w.FontSize <= LabelSizeRatio * bodySize)).ToList();
            used.UnionWith(labels);
            var ticks = drawn.Any(d => d.OverlapArea(box) > 0) ? AxisLabels(box, lines, used) : [];
            used.UnionWith(ticks.SelectMany(l => l.Words));
            var grown = ticks.Aggregate(box, (b, l) => b.Union(l.Box));
            result.Add(new PictureRegion(grown, [.. labels, .. ticks.SelectMany(l => l.Words)]));
        }
        return result;
    }

    // A chart's tick labels stand just outside its drawing, beside its axes: whole short lines of figures only
    // ("0", "10000", "2019", "25%"), close to the box, two at least. Words are left alone.
    private static List<LayoutLine> AxisLabels(BoundingBox box, IReadOnlyList<LayoutLine> lines, HashSet<LayoutWord> used)
    {
        var ticks = lines.Where(l => !l.Words.Any(used.Contains) && !box.Contains(l.Box.CenterX(), l.Box.CenterY())
            && l.Words.Count <= MaxTickWords && TableShape.IsValue(l.Text) && Near(box, l.Box, AxisGap * l.FontSize)).ToList();
        return ticks.Count >= 2 ? ticks : [];
    }

    // The most words of a line of tick labels (ticks close together read as one line).
    private const int MaxTickWords = 4;

    // How far outside a chart's drawing its tick labels may stand, in their font size.
    private const double AxisGap = 2;

    private static bool Near(BoundingBox box, BoundingBox line, double gap) =>
        line.Left >= box.Left - gap && line.Right <= box.Right + gap && line.Top >= box.Top - gap && line.Bottom <= box.Bottom + gap;

    // The merged pictures, with a picture that stands over two or more captions side by side (two figures
    // whose images run into each other, each captioned in its own column) split between them: each box
    // goes to the caption whose column holds its middle.
    private static List<BoundingBox> SideBySide(List<BoundingBox> boxes, IReadOnlyList<LayoutLine> lines)
    {
        var result = new List<BoundingBox>();
        foreach (var merged in Merge(boxes))
        {
            var captions = CaptionsUnder(merged, lines);
            if (captions.Count < 2)
            {
                result.Add(merged);
                continue;
            }
            var parts = boxes.Where(b => merged.Contains(b.CenterX(), b.CenterY()))
                .GroupBy(b => Math.Max(0, captions.FindLastIndex(c => c.Box.Left <= b.CenterX())));
            foreach (var part in parts) result.Add(part.Aggregate((a, b) => a.Union(b)));
        }
        return result;
    }

    // The caption lines just under a picture that stand side by side, none over another, left to right.
    private static List<LayoutLine> CaptionsUnder(BoundingBox picture, IReadOnlyList<LayoutLine> lines)
    {
        var size = lines.Count == 0 ? 0 : lines.Select(l => l.FontSize).Order().ElementAt(lines.Count / 2);
        var under = lines.Where(l => CaptionPrefix.IsCaption(l.Text) && l.Box.Top >= picture.Bottom - size && l.Box.Top <= picture.Bottom + 3 * size
            && l.Box.Left >= picture.Left - size && l.Box.Left <= picture.Right).OrderBy(l => l.Box.Left).ToList();
        for (var i = 1; i < under.Count; i++)
        {
            if (under[i].Box.Left < under[i - 1].Box.Right) return [];
        }
        return under;
    }

    // Repeatedly unions boxes that overlap or touch (within 2 points) until none do.
    private static List<BoundingBox> Merge(List<BoundingBox> boxes)
    {
        var merged = new List<BoundingBox>(boxes);
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < merged.Count && !changed; i++)
            {
                for (var j = i + 1; j < merged.Count; j++)
                {
                    var a = merged[i];
                    var b = merged[j];
                    if (a.Left > b.Right + 2 || b.Left > a.Right + 2 || a.Top > b.Bottom + 2 || b.Top > a.Bottom + 2) continue;
                    merged[i] = a.Union(b);
                    merged.RemoveAt(j);
                    changed = true;
                    break;
                }
            }
        }
        while (changed);
        return merged;
    }
}
