using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// The straight rules drawn on a page image (table borders, cell lines, the rules of a form), so
/// that a scan's tables are found by their rules as a text layer's are. Each direction is a
/// morphological closing by a short thin brick, which bridges the breaks a scan's noise leaves in a
/// thin rule, then an opening by a long one, which keeps only runs of ink at least that long, then
/// its connected components (the line-finding step of Tesseract's own table
/// finder and of leptonica's line removal, Bloomberg's "Document image analysis" notes). A
/// component counts as a rule when it is thin (not a filled box or a picture), has paper on at least
/// one side (not a run inside a filled bar) and does not lie inside a recognised word (a long letter
/// stroke, a dash). The brick is a few word heights long,
/// so letters never make a rule; a rule shorter than that (a one-line cell's sides) is not found.
/// </summary>
internal static class ImageRules
{
    // Lengths and thicknesses in word heights (the median height of the recognised words' boxes).
    private const double MinLength = 2.5, MaxThickness = 0.35;
    // Breaks in a thin rule that a scan's noise or JPEG leaves are bridged first, up to this long.
    private const double MaxBreak = 0.25;
    // A candidate that runs through words for half its length or more is part of the text.
    private const double MaxInWords = 0.5;

    /// <summary>The rules on <paramref name="binary"/> (1 bit per pixel, ink set), each as its box in pixels; <paramref name="words"/> are the recognised words' boxes.</summary>
    public static List<BoundingBox> Find(Pix binary, IReadOnlyList<BoundingBox> words)
    {
        var rules = new List<BoundingBox>();
        if (words.Count == 0 || binary.Depth != 1) return rules;
        var heights = words.Select(w => w.Height).Order().ToList();
        var wordHeight = heights[heights.Count / 2];
        var length = Math.Max(10, (int)Math.Round(MinLength * wordHeight));
        var thickness = Math.Max(3, MaxThickness * wordHeight);
        var bridge = Math.Max(2, (int)Math.Round(MaxBreak * wordHeight));
        var ink = new StrokeWidth(binary);
        foreach (var horizontal in new[] { true, false })
        {
            using var closed = Pix.Own(horizontal
                ? Leptonica.pixCloseSafeCompBrick(IntPtr.Zero, binary.Raw, bridge, 1)
                : Leptonica.pixCloseSafeCompBrick(IntPtr.Zero, binary.Raw, 1, bridge), "close");
            using var opened = Pix.Own(horizontal
                ? Leptonica.pixOpenCompBrick(IntPtr.Zero, closed.Raw, length, 1)
                : Leptonica.pixOpenCompBrick(IntPtr.Zero, closed.Raw, 1, length), "open");
            foreach (var box in Components(opened))
            {
                var (along, across) = horizontal ? (box.Width, box.Height) : (box.Height, box.Width);
                if (along < length || across > thickness) continue;
                if (InWords(box, horizontal, words) >= MaxInWords * along || InsideInk(box, horizontal, bridge, ink)) continue;
                rules.Add(box);
            }
        }
        GC.KeepAlive(binary);
        return rules;
    }

    private static List<BoundingBox> Components(Pix pix)
    {
        var result = new List<BoundingBox>();
        var boxa = Leptonica.pixConnComp(pix.Raw, IntPtr.Zero, 8);
        if (boxa == IntPtr.Zero) return result;
        try
        {
            var count = Leptonica.boxaGetCount(boxa);
            for (var i = 0; i < count; i++)
            {
                if (Leptonica.boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h) == 0) result.Add(new BoundingBox(x, y, x + w, y + h));
            }
            return result;
        }
        finally
        {
            Leptonica.boxaDestroy(ref boxa);
        }
    }

    // Whether the candidate has ink along both its sides: a run inside a filled bar (the gaps between
    // the white letters of a heading set in reverse), not a rule drawn on the paper.
    private static bool InsideInk(BoundingBox rule, bool horizontal, double gap, StrokeWidth ink)
    {
        var strips = horizontal
            ? new[] { new BoundingBox(rule.Left, rule.Top - 2 * gap, rule.Right, rule.Top - gap), new BoundingBox(rule.Left, rule.Bottom + gap, rule.Right, rule.Bottom + 2 * gap) }
            : [new BoundingBox(rule.Left - 2 * gap, rule.Top, rule.Left - gap, rule.Bottom), new BoundingBox(rule.Right + gap, rule.Top, rule.Right + 2 * gap, rule.Bottom)];
        return strips.All(s => ink.Measure(s).Black > MaxInkBeside * Math.Max(1, s.Width * s.Height));
    }

    // The share of a strip beside a rule that may be ink (letters the rule passes close to).
    private const double MaxInkBeside = 0.3;

    // How much of the candidate's length lies inside word boxes it runs through.
    private static double InWords(BoundingBox rule, bool horizontal, IReadOnlyList<BoundingBox> words)
    {
        var covered = 0.0;
        foreach (var w in words)
        {
            var across = horizontal
                ? Math.Min(rule.Bottom, w.Bottom) - Math.Max(rule.Top, w.Top)
                : Math.Min(rule.Right, w.Right) - Math.Max(rule.Left, w.Left);
            var along = horizontal
                ? Math.Min(rule.Right, w.Right) - Math.Max(rule.Left, w.Left)
                : Math.Min(rule.Bottom, w.Bottom) - Math.Max(rule.Top, w.Top);
            if (across > 0 && along > 0) covered += along;
        }
        return covered;
    }
}
