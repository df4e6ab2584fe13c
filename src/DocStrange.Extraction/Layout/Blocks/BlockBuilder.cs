namespace DocStrange.Extraction.Layout.Blocks;

/// <summary>
/// Groups lines into blocks top to bottom, in the spirit of Docstrum's text-line grouping
/// (O'Gorman 1993, "The document spectrum for page layout analysis"): a line joins the block whose
/// last line sits just above it, overlaps it horizontally, is set in about the same size and is
/// spaced like the block's lines so far; otherwise it starts a block. Columns stay apart because
/// their lines do not overlap; a wider paragraph gap or a change of size ends a block.
/// </summary>
public sealed class BlockBuilder(BlockBuilderOptions options) : IBlockBuilder
{
    /// <summary>A builder with the default options.</summary>
    public static BlockBuilder Instance { get; } = new(BlockBuilderOptions.Default);

    /// <inheritdoc />
    public IReadOnlyList<LayoutBlock> Build(IReadOnlyList<LayoutLine> lines)
    {
        var blocks = new List<List<LayoutLine>>();
        var ordered = lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        var leading = PageLeading.Of(ordered);
        foreach (var line in ordered)
        {
            List<LayoutLine>? best = null;
            var bestGap = double.MaxValue;
            foreach (var block in blocks)
            {
                if (Gap(block, line, leading) is { } gap && gap < bestGap)
                {
                    best = block;
                    bestGap = gap;
                }
            }
            if (best is null) blocks.Add([line]);
            else best.Add(line);
        }
        return blocks.Select(b => new LayoutBlock(b)).ToList();
    }

    // The vertical gap from the block's last line to the line, or null when the line does not continue the block.
    // Text set with wide leading throughout (double-spaced, or Chinese and Japanese set at twice their size) has
    // a gap between its lines as wide as a paragraph gap elsewhere: there a line at the page's own leading goes
    // on from a full line of running text, and a paragraph starts where the line before stops short or the
    // line is indented, as a reader sees it.
    private double? Gap(List<LayoutLine> block, LayoutLine line, PageLeading leading)
    {
        var last = block[^1];
        var size = Math.Max(1, Math.Min(last.FontSize, line.FontSize));
        var gap = line.Box.Top - last.Box.Bottom;
        if (line.Baseline - last.Baseline < 0.5 * size) return null;
        if (gap > options.MaxLineGap * size && !(leading.Keeps(last, line) && !StartsParagraph(block, line, size))) return null;
        if (Math.Abs(last.FontSize - line.FontSize) > options.SizeTolerance * Math.Max(last.FontSize, line.FontSize)) return null;
        var left = block.Min(l => l.Box.Left);
        var right = block.Max(l => l.Box.Right);
        if (line.Box.Right <= left || line.Box.Left >= right) return null;
        if (block.Count >= 2)
        {
            var spacing = last.Baseline - block[^2].Baseline;
            if (line.Baseline - last.Baseline > options.SpacingJump * spacing + 0.1 * size) return null;
        }
        var shift = options.MaxEdgeShift * size;
        if (line.Box.Left < left - shift || line.Box.Right > right + shift) return null;
        return gap;
    }

    // Whether the line starts a paragraph after the block: the block's last line stops well short of the
    // block's right edge, or the line starts indented from its left edge.
    private static bool StartsParagraph(List<LayoutLine> block, LayoutLine line, double size)
    {
        var left = block.Min(l => l.Box.Left);
        var right = Math.Max(block.Max(l => l.Box.Right), line.Box.Right);
        return block[^1].Box.Right < right - ShortBy * size || line.Box.Left > left + IndentBy * size;
    }

    private const double ShortBy = 2;
    private const double IndentBy = 0.8;
}
