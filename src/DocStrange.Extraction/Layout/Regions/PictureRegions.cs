using DocStrange.Document.Model;

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
        var boxes = Merge(page.Pictures.Concat(VectorFigures.Find(page, lines)).Where(b => b.Area() < MaxShareOfPage * pageArea).ToList())
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
            result.Add(new PictureRegion(box, labels));
        }
        return result;
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
