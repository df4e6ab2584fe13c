using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Turns a page's segmented lines into document blocks: headings where the font is clearly larger
/// than the body text (or a short bold line on its own), list items where a line starts with a
/// marker, paragraphs otherwise; lines are joined with hyphenation repaired.
/// </summary>
public sealed class PageBlockBuilder
{
    private const int MaxHeadingLines = 3;
    private const int MaxHeadingChars = 200;
    private const int MaxBoldHeadingChars = 100;

    private readonly FontSizeStatistics _statistics = new();

    /// <summary>The blocks of one page, given its segmenter blocks in reading order.</summary>
    public IReadOnlyList<Block> Build(IReadOnlyList<LayoutBlock> blocks, int page)
    {
        foreach (var line in blocks.SelectMany(b => b.Lines)) _statistics.Add(line);
        var result = new List<Block>();
        foreach (var run in blocks.SelectMany(BlockSegmenter.Split))
        {
            var block = Classify(run, page);
            if (block.Text.Length > 0) result.Add(block);
        }
        return result;
    }

    private Block Classify(IReadOnlyList<LayoutLine> lines, int page)
    {
        var provenance = new Provenance(page, Round(lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b))));
        var text = LineJoiner.Join(lines.Select(l => l.Text));
        var size = DominantSize(lines);
        if (IsHeading(lines, text, size))
        {
            return new Block { Role = BlockRole.Heading, Level = _statistics.HeadingLevel(size), Text = text, Provenance = provenance };
        }
        if (ListMarkers.TryMatch(text, out var ordered, out var rest))
        {
            return new Block { Role = BlockRole.ListItem, Ordered = ordered, Text = rest, Provenance = provenance };
        }
        return new Block { Role = BlockRole.Paragraph, Text = text, Provenance = provenance };
    }

    private bool IsHeading(IReadOnlyList<LayoutLine> lines, string text, double size)
    {
        if (lines.Count > MaxHeadingLines || text.Length > MaxHeadingChars || !text.Any(char.IsLetter)) return false;
        if (_statistics.IsHeadingSize(size)) return true;
        // A bold line of body size on its own, not a sentence: a run-in section title.
        return lines.Count == 1 && lines[0].Bold && _statistics.BoldShare < 0.5
            && text.Length <= MaxBoldHeadingChars
            && size >= _statistics.BodySize - 0.5
            && (char.IsUpper(text[0]) || char.IsDigit(text[0]))
            && !text.EndsWith('.') && !text.EndsWith(',') && !text.EndsWith(';');
    }

    private static double DominantSize(IReadOnlyList<LayoutLine> lines) =>
        lines.GroupBy(l => Math.Round(l.FontSize * 2) / 2)
            .MaxBy(g => (g.Sum(l => l.Text.Length), g.Key))!.Key;

    private static BoundingBox Round(BoundingBox box) =>
        new(Math.Round(box.Left, 2), Math.Round(box.Top, 2), Math.Round(box.Right, 2), Math.Round(box.Bottom, 2));
}
