using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>Takes a box found on an image turned clockwise by quarter turns back to the unturned image of <c>width</c> × <c>height</c>.</summary>
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
}
