using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Blocks;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Regions;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Turns a page's regions, in reading order, into document blocks with roles: tables and pictures as
/// they are; text split where its kind changes (<see cref="BlockSegmenter"/>), then captions by their
/// label ("Figure 2", "Table 1"), code where every line is set in a fixed-pitch face, headings where the
/// font is clearly larger than the body text (or a short bold line stands alone), list items where a
/// line starts with a marker, paragraphs otherwise. Lines are joined with hyphenation repaired. One
/// builder serves a whole document: body and heading sizes are learnt over the pages read so far.
/// </summary>
public sealed class PageBlockBuilder
{
    private const int MaxHeadingLines = 3;
    private const int MaxHeadingChars = 200;
    private const int MaxBoldHeadingChars = 100;

    private const double MaxMonospaceShare = 0.6;

    private readonly FontSizeStatistics _statistics = new();
    private bool _codeByFace = true;

    /// <summary>The blocks of one page, from its regions in reading order; boxes in the page's own frame.</summary>
    public IReadOnlyList<Block> Build(PageLayout layout)
    {
        var textLines = layout.Regions.Where(r => r.Text is not null).SelectMany(r => r.Text!.Lines).ToList();
        foreach (var line in textLines) _statistics.Add(line);
        // On a page set wholly in a fixed-pitch face (a typescript, a transcript), that face says nothing about code.
        var monospaceChars = textLines.Where(l => l.Monospace).Sum(l => l.Text.Length);
        _codeByFace = monospaceChars < MaxMonospaceShare * Math.Max(1, textLines.Sum(l => l.Text.Length));
        var result = new List<Block>();
        foreach (var region in layout.Regions)
        {
            if (region.Table is { } table)
            {
                result.Add(new Block { Role = BlockRole.Table, Table = table.Table, Provenance = Provenance(layout.Number, table.Box) });
            }
            else if (region.Picture is { } picture)
            {
                var labels = LineJoiner.Join(LineBuilder.Instance.Build(picture.Words).Select(l => l.Text));
                result.Add(new Block { Role = BlockRole.Picture, Text = labels, Provenance = Provenance(layout.Number, picture.Box) });
            }
            else if (region.Text is { } text)
            {
                foreach (var run in BlockSegmenter.Split(text))
                {
                    var block = Classify(run, layout.Number);
                    if (block.Text.Length > 0) result.Add(block);
                }
            }
        }
        return result;
    }

    /// <summary>The blocks of one page made of text blocks only (no tables or pictures), in reading order.</summary>
    public IReadOnlyList<Block> Build(IReadOnlyList<LayoutBlock> blocks, int page) =>
        Build(new PageLayout(page, 0, 0, blocks.Select(PageRegion.Of).ToList()));

    private Block Classify(IReadOnlyList<LayoutLine> lines, int page)
    {
        var provenance = Provenance(page, lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b)));
        var confidence = lines.All(l => l.Confidence is not null) ? lines.Average(l => l.Confidence!.Value) : (double?)null;
        if (_codeByFace && lines.All(l => l.Monospace) && lines.Any(l => l.Words.Count > 0))
        {
            return new Block { Role = BlockRole.Code, Text = CodeText.Of(lines), Provenance = provenance, Confidence = confidence };
        }
        var text = LineJoiner.Join(lines.Select(l => l.Text));
        var size = DominantSize(lines);
        if (CaptionPrefix.IsCaption(text))
        {
            return new Block { Role = BlockRole.Caption, Text = text, Provenance = provenance, Confidence = confidence };
        }
        if (IsHeading(lines, text, size))
        {
            return new Block { Role = BlockRole.Heading, Level = _statistics.HeadingLevel(size), Text = text, Provenance = provenance, Confidence = confidence };
        }
        if (ListMarkers.TryMatch(text, out var ordered, out var rest))
        {
            return new Block { Role = BlockRole.ListItem, Ordered = ordered, Text = rest, Provenance = provenance, Confidence = confidence };
        }
        return new Block { Role = BlockRole.Paragraph, Text = text, Provenance = provenance, Confidence = confidence };
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

    private static Provenance Provenance(int page, BoundingBox box) =>
        new(page, new BoundingBox(Math.Round(box.Left, 2), Math.Round(box.Top, 2), Math.Round(box.Right, 2), Math.Round(box.Bottom, 2)));
}
