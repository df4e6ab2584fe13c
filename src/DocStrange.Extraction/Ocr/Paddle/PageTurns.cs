namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// How many clockwise quarter turns set a page's text upright, from what the detector found: text
/// lines are long and flat, so a page whose elongated boxes mostly stand on end lies sideways (one
/// turn sets it upright or upside down); then <see cref="TextDirection"/> tells upside down apart.
/// </summary>
internal static class PageTurns
{
    // A box this much longer one way than the other is a line of several letters, whichever way it runs.
    private const double Elongated = 3;
    private const int MinLines = 3;

    /// <summary>Whether most of the elongated boxes are taller than wide.</summary>
    public static bool Sideways(IReadOnlyList<TextBox> boxes)
    {
        int standing = 0, lying = 0;
        foreach (var b in boxes)
        {
            if (b.Height >= Elongated * b.Width) standing++;
            else if (b.Width >= Elongated * b.Height) lying++;
        }
        return standing >= MinLines && standing > lying;
    }

    /// <summary><paramref name="boxes"/> on a <paramref name="width"/> × <paramref name="height"/> image, as they lie once it is turned clockwise by <paramref name="turns"/>, top to bottom.</summary>
    public static List<TextBox> Turn(IEnumerable<TextBox> boxes, int turns, double width, double height)
    {
        var turned = boxes.Select(b =>
        {
            var t = QuarterTurns.Turn(new Document.Model.BoundingBox(b.Left, b.Top, b.Right, b.Bottom), turns, width, height);
            return new TextBox(t.Left, t.Top, t.Right, t.Bottom, b.Score);
        }).ToList();
        turned.Sort(TopToBottom);
        return turned;
    }

    /// <summary>Top to bottom, then left to right.</summary>
    public static int TopToBottom(TextBox a, TextBox b) => a.Top != b.Top ? a.Top.CompareTo(b.Top) : a.Left.CompareTo(b.Left);
}
