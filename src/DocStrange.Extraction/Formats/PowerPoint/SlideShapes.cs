using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace DocStrange.Extraction.Formats.PowerPoint;

/// <summary>One shape of a slide with its place on the slide (EMU) and its placeholder type, if any.</summary>
internal sealed record PlacedShape(OpenXmlElement Element, long Top, long Left, long Width, long Height, string? Placeholder);

/// <summary>
/// A slide's shapes in reading order: groups flattened (child offsets mapped through the group's
/// transform), each shape placed by its own transform or, for a placeholder without one, by the matching
/// placeholder of its layout or master; then sorted top to bottom, and left to right among shapes whose
/// tops are close enough to share a line. Shapes whose position is unknown come first.
/// </summary>
internal static class SlideShapes
{
    public static List<PlacedShape> InReadingOrder(SlidePart slide)
    {
        var shapes = new List<PlacedShape>();
        if (slide.Slide?.CommonSlideData?.ShapeTree is { } tree) Collect(tree, Identity, slide, shapes, 0);
        var byTop = shapes.OrderBy(s => s.Top).ThenBy(s => s.Left).ToList();
        var ordered = new List<PlacedShape>(byTop.Count);
        for (var i = 0; i < byTop.Count;)
        {
            // Shapes whose tops are within a tenth of the shorter one's height (at least 1/20 inch) share a line.
            var first = byTop[i];
            var end = i + 1;
            while (end < byTop.Count && first.Top != long.MinValue && byTop[end].Top - first.Top <= SameLine(first, byTop[end])) end++;
            ordered.AddRange(byTop.Skip(i).Take(end - i).OrderBy(s => s.Left));
            i = end;
        }
        return ordered;
    }

    private const long TwentiethInch = 914_400 / 20;

    private static long SameLine(PlacedShape a, PlacedShape b)
    {
        var shorter = Math.Min(a.Height > 0 ? a.Height : long.MaxValue, b.Height > 0 ? b.Height : long.MaxValue);
        return shorter == long.MaxValue ? TwentiethInch : Math.Max(TwentiethInch, shorter / 10);
    }

    private static readonly Func<long, long, (long, long)> Identity = (x, y) => (x, y);

    private const int MaxGroupDepth = 32;

    private static void Collect(OpenXmlElement container, Func<long, long, (long X, long Y)> map, SlidePart slide, List<PlacedShape> shapes, int depth)
    {
        if (depth > MaxGroupDepth) return;
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case P.GroupShape group:
                    Collect(group, GroupMap(group.GroupShapeProperties?.TransformGroup, map), slide, shapes, depth + 1);
                    break;
                case P.Shape or P.GraphicFrame or P.Picture:
                    shapes.Add(Place(child, map, slide));
                    break;
                case AlternateContent alternate:
                    if (alternate.GetFirstChild<AlternateContentChoice>() is { } choice) Collect(choice, map, slide, shapes, depth + 1);
                    else if (alternate.GetFirstChild<AlternateContentFallback>() is { } fallback) Collect(fallback, map, slide, shapes, depth + 1);
                    break;
            }
        }
    }

    private static Func<long, long, (long, long)> GroupMap(A.TransformGroup? xfrm, Func<long, long, (long X, long Y)> outer)
    {
        if (xfrm?.Offset is not { } off || xfrm.ChildOffset is not { } chOff) return outer;
        var sx = xfrm.ChildExtents?.Cx?.Value is > 0 && xfrm.Extents?.Cx?.Value is { } cx ? cx / (double)xfrm.ChildExtents.Cx!.Value : 1;
        var sy = xfrm.ChildExtents?.Cy?.Value is > 0 && xfrm.Extents?.Cy?.Value is { } cy ? cy / (double)xfrm.ChildExtents.Cy!.Value : 1;
        long ox = off.X?.Value ?? 0, oy = off.Y?.Value ?? 0, cxo = chOff.X?.Value ?? 0, cyo = chOff.Y?.Value ?? 0;
        return (x, y) => outer(ox + (long)((x - cxo) * sx), oy + (long)((y - cyo) * sy));
    }

    private static PlacedShape Place(OpenXmlElement shape, Func<long, long, (long X, long Y)> map, SlidePart slide)
    {
        var placeholder = Placeholder(shape);
        var (offset, extents) = Transform(shape);
        if (offset is null && placeholder is not null) (offset, extents) = Inherited(placeholder, slide);
        if (offset is null)
        {
            return new PlacedShape(shape, long.MinValue, 0, 0, 0, Kind(placeholder));
        }
        var (x, y) = map(offset.Value.X, offset.Value.Y);
        return new PlacedShape(shape, y, x, extents?.Cx ?? 0, extents?.Cy ?? 0, Kind(placeholder));
    }

    private static (( long X, long Y)? Offset, (long Cx, long Cy)? Extents) Transform(OpenXmlElement shape)
    {
        var xfrm = shape switch
        {
            P.Shape s => s.ShapeProperties?.Transform2D as OpenXmlElement,
            P.Picture p => p.ShapeProperties?.Transform2D,
            P.GraphicFrame g => g.Transform,
            _ => null,
        };
        var off = xfrm?.ChildElements.FirstOrDefault(e => e.LocalName == "off");
        var ext = xfrm?.ChildElements.FirstOrDefault(e => e.LocalName == "ext");
        if (off is null) return (null, null);
        return ((Attr(off, "x"), Attr(off, "y")), ext is null ? null : (Attr(ext, "cx"), Attr(ext, "cy")));
    }

    private static long Attr(OpenXmlElement e, string name) =>
        long.TryParse(e.GetAttributes().FirstOrDefault(a => a.LocalName == name).Value, out var v) ? v : 0;

    /// <summary>The placeholder element (<c>p:ph</c>) of a shape, if it is one.</summary>
    public static P.PlaceholderShape? Placeholder(OpenXmlElement shape) => shape switch
    {
        P.Shape s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape,
        P.Picture p => p.NonVisualPictureProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape,
        P.GraphicFrame g => g.NonVisualGraphicFrameProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape,
        _ => null,
    };

    // The placeholder's type name: "title", "ctrTitle", "subTitle", "body", "obj" (an idx without a type), ...
    private static string? Kind(P.PlaceholderShape? placeholder) =>
        placeholder is null ? null : placeholder.Type?.Value is { } type ? ((IEnumValue)type).Value : "obj";

    private static ((long X, long Y)? Offset, (long Cx, long Cy)? Extents) Inherited(P.PlaceholderShape placeholder, SlidePart slide)
    {
        var layout = slide.SlideLayoutPart;
        foreach (var tree in new[] { layout?.SlideLayout?.CommonSlideData?.ShapeTree, layout?.SlideMasterPart?.SlideMaster?.CommonSlideData?.ShapeTree })
        {
            if (tree is null) continue;
            foreach (var candidate in tree.Descendants<P.Shape>())
            {
                if (Placeholder(candidate) is not { } other || !Matches(placeholder, other)) continue;
                var placed = Transform(candidate);
                if (placed.Offset is not null) return placed;
            }
        }
        return (null, null);
    }

    private static bool Matches(P.PlaceholderShape a, P.PlaceholderShape b)
    {
        if (a.Index?.Value is { } index && b.Index?.Value == index) return true;
        var ta = a.Type?.Value ?? P.PlaceholderValues.Object;
        var tb = b.Type?.Value ?? P.PlaceholderValues.Object;
        bool IsTitle(P.PlaceholderValues t) => t == P.PlaceholderValues.Title || t == P.PlaceholderValues.CenteredTitle;
        return ta == tb || IsTitle(ta) && IsTitle(tb) || ta == P.PlaceholderValues.Object && tb == P.PlaceholderValues.Body;
    }
}
