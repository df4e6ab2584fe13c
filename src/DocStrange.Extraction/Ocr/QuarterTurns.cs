using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>Boxes and points between an image of <c>width</c> × <c>height</c> and that image turned clockwise by quarter turns.</summary>
internal static class QuarterTurns
{
    /// <summary>The box on the unturned image; the turned image is <paramref name="height"/> wide when the turns are odd.</summary>
    public static BoundingBox Undo(BoundingBox b, int turns, double width, double height) => (((turns % 4) + 4) % 4) switch
    {
        // A clockwise quarter turn sends (x, y) to (height - y, x).
        1 => new BoundingBox(b.Top, height - b.Right, b.Bottom, height - b.Left),
        2 => new BoundingBox(width - b.Right, height - b.Bottom, width - b.Left, height - b.Top),
        3 => new BoundingBox(width - b.Bottom, b.Left, width - b.Top, b.Right),
        _ => b,
    };

    /// <summary>The box on the image of <paramref name="width"/> × <paramref name="height"/> turned clockwise by <paramref name="turns"/>.</summary>
    public static BoundingBox Turn(BoundingBox b, int turns, double width, double height)
    {
        var t = ((turns % 4) + 4) % 4;
        // Undoing the rest of a full turn from the turned image's side is the same turn.
        return t % 2 == 0 ? Undo(b, (4 - t) % 4, width, height) : Undo(b, 4 - t, height, width);
    }

    /// <summary>The point on the image turned clockwise by <paramref name="turns"/>.</summary>
    public static (double X, double Y) Turn(double x, double y, int turns, double width, double height)
    {
        var b = Turn(new BoundingBox(x, y, x, y), turns, width, height);
        return (b.Left, b.Top);
    }
}
