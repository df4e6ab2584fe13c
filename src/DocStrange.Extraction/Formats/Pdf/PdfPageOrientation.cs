using DocStrange.Document.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Turns a page whose text mostly runs up, down or upside down (a <c>/Rotate</c>d page, a landscape
/// table set on a portrait page) by quarter turns so that it reads left to right, because word,
/// line and reading-order analysis assume horizontal text; boxes are turned back to the page as
/// displayed. Coordinates are PDF's (bottom-left origin) until <c>ToDisplayBox</c>.
/// </summary>
internal sealed class PdfPageOrientation
{
    private readonly int _turns;
    private readonly double _width;
    private readonly double _height;

    private PdfPageOrientation(int turns, double width, double height)
    {
        _turns = turns;
        _width = width;
        _height = height;
    }

    /// <summary>Whether the letters are used as they are.</summary>
    public bool IsUpright => _turns == 0;

    /// <summary>The page's width in the upright frame.</summary>
    public double UprightWidth => _turns % 2 == 0 ? _width : _height;

    /// <summary>The page's height in the upright frame.</summary>
    public double UprightHeight => _turns % 2 == 0 ? _height : _width;

    /// <summary>The quarter turns (counterclockwise) that make the most letters' baselines point right.</summary>
    public static PdfPageOrientation Detect(IReadOnlyList<Letter> letters, double width, double height)
    {
        Span<int> counts = stackalloc int[4];
        foreach (var letter in letters)
        {
            var dx = letter.EndBaseLine.X - letter.StartBaseLine.X;
            var dy = letter.EndBaseLine.Y - letter.StartBaseLine.Y;
            if (dx == 0 && dy == 0) continue;
            // 0: right, 1: up, 2: left, 3: down.
            var direction = ((int)Math.Round(Math.Atan2(dy, dx) / (Math.PI / 2)) + 4) % 4;
            counts[direction]++;
        }
        var dominant = 0;
        for (var d = 1; d < 4; d++) if (counts[d] > counts[dominant]) dominant = d;
        return new PdfPageOrientation((4 - dominant) % 4, width, height);
    }

    /// <summary>The letter turned into the upright frame.</summary>
    public Letter Apply(Letter l) => IsUpright ? l : new Letter(l.Value, Turn(l.BoundingBox), Turn(l.GlyphRectangleLoose),
        Turn(l.StartBaseLine), Turn(l.EndBaseLine), l.Width, l.FontSize, l.FontDetails, l.RenderingMode, l.StrokeColor, l.FillColor, l.PointSize, l.TextSequence);

    /// <summary>A point of the page (PDF coordinates) in the upright frame with a top-left origin.</summary>
    public (double X, double Y) ToUpright(PdfPoint point)
    {
        var p = Turn(point);
        return (p.X, UprightHeight - p.Y);
    }

    /// <summary>A box of the upright frame (top-left origin) as a box on the displayed page (top-left origin).</summary>
    public BoundingBox ToDisplayBox(BoundingBox box)
    {
        if (IsUpright) return box;
        var h = UprightHeight;
        return ToDisplayBox(new PdfRectangle(box.Left, h - box.Bottom, box.Right, h - box.Top));
    }

    /// <summary>A rectangle of the upright frame as a box on the displayed page (top-left origin).</summary>
    public BoundingBox ToDisplayBox(PdfRectangle rectangle)
    {
        PdfPoint[] corners = [Back(rectangle.TopLeft), Back(rectangle.TopRight), Back(rectangle.BottomLeft), Back(rectangle.BottomRight)];
        var left = corners.Min(p => p.X);
        var right = corners.Max(p => p.X);
        var bottom = corners.Min(p => p.Y);
        var top = corners.Max(p => p.Y);
        return new BoundingBox(left, _height - top, right, _height - bottom);
    }

    private PdfRectangle Turn(PdfRectangle r) => new(Turn(r.TopLeft), Turn(r.TopRight), Turn(r.BottomLeft), Turn(r.BottomRight));

    private PdfPoint Turn(PdfPoint p) => _turns switch
    {
        1 => new PdfPoint(_height - p.Y, p.X),
        2 => new PdfPoint(_width - p.X, _height - p.Y),
        3 => new PdfPoint(p.Y, _width - p.X),
        _ => p,
    };

    private PdfPoint Back(PdfPoint p) => _turns switch
    {
        1 => new PdfPoint(p.Y, _height - p.X),
        2 => new PdfPoint(_width - p.X, _height - p.Y),
        3 => new PdfPoint(_width - p.Y, p.X),
        _ => p,
    };
}
