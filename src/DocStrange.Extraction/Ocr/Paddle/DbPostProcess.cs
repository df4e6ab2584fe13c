namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Text boxes from the detector's probability map, as Differentiable Binarization defines them
/// (Liao et al. 2020, "Real-time Scene Text Detection with Differentiable Binarization", §3.4):
/// the map is thresholded, each connected region is a shrunk text kernel, regions whose mean
/// probability is low are dropped, and the rest are grown back by the offset D = A × r / L (area,
/// unclip ratio, perimeter). Boxes are axis-aligned, which suits upright, deskewed pages; the
/// thresholds are PaddleOCR's defaults.
/// </summary>
internal static class DbPostProcess
{
    public const float Threshold = 0.3f;
    public const double BoxThreshold = 0.6;
    public const double UnclipRatio = 1.5;
    private const int MinSide = 3;

    /// <summary>
    /// The boxes in a <paramref name="width"/> × <paramref name="height"/> probability map, scaled by
    /// (<paramref name="scaleX"/>, <paramref name="scaleY"/>) to the image and clamped to
    /// <paramref name="imageWidth"/> × <paramref name="imageHeight"/>.
    /// </summary>
    public static List<TextBox> Boxes(ReadOnlySpan<float> map, int width, int height,
        double scaleX, double scaleY, int imageWidth, int imageHeight)
    {
        var boxes = new List<TextBox>();
        var labels = new int[width * height];
        var stack = new Stack<int>();
        var next = 0;
        for (var start = 0; start < labels.Length; start++)
        {
            if (labels[start] != 0 || map[start] <= Threshold) continue;
            var region = Flood(map, width, height, labels, stack, start, ++next);
            if (Math.Min(region.Right - region.Left + 1, region.Bottom - region.Top + 1) < MinSide) continue;
            if (region.Sum / region.Count < BoxThreshold) continue;
            boxes.Add(Unclip(region, scaleX, scaleY, imageWidth, imageHeight));
        }
        return boxes;
    }

    private record struct Region(int Left, int Top, int Right, int Bottom, double Sum, int Count);

    // One 4-connected region above the threshold, labelled, with its extent and probability mass.
    private static Region Flood(ReadOnlySpan<float> map, int width, int height, int[] labels, Stack<int> stack, int start, int label)
    {
        var r = new Region(int.MaxValue, int.MaxValue, -1, -1, 0, 0);
        labels[start] = label;
        stack.Push(start);
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            int x = i % width, y = i / width;
            r = new Region(Math.Min(r.Left, x), Math.Min(r.Top, y), Math.Max(r.Right, x), Math.Max(r.Bottom, y), r.Sum + map[i], r.Count + 1);
            if (x > 0) Visit(map, labels, stack, i - 1, label);
            if (x < width - 1) Visit(map, labels, stack, i + 1, label);
            if (y > 0) Visit(map, labels, stack, i - width, label);
            if (y < height - 1) Visit(map, labels, stack, i + width, label);
        }
        return r;
    }

    private static void Visit(ReadOnlySpan<float> map, int[] labels, Stack<int> stack, int i, int label)
    {
        if (labels[i] != 0 || map[i] <= Threshold) return;
        labels[i] = label;
        stack.Push(i);
    }

    // The kernel's box grown by D = A r / L on every side (the paper's unclip), in image pixels.
    private static TextBox Unclip(Region r, double scaleX, double scaleY, int imageWidth, int imageHeight)
    {
        double w = r.Right - r.Left + 1, h = r.Bottom - r.Top + 1;
        var d = w * h * UnclipRatio / (2 * (w + h));
        return new TextBox(
            Math.Clamp((r.Left - d) * scaleX, 0, imageWidth),
            Math.Clamp((r.Top - d) * scaleY, 0, imageHeight),
            Math.Clamp((r.Right + 1 + d) * scaleX, 0, imageWidth),
            Math.Clamp((r.Bottom + 1 + d) * scaleY, 0, imageHeight),
            r.Sum / r.Count);
    }
}
