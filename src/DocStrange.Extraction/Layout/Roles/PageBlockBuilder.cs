using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Regions;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Turns a page's regions, in reading order, into document blocks with roles: tables and pictures as
/// they are; text split where its kind changes (<see cref="BlockSegmenter"/>), then code where every
/// line is set in a fixed-pitch face, captions by their label ("Figure 2", "Table 1"), footnotes
/// (<see cref="FootnoteRule"/>), the title (the largest text at the top of the first page), headings
/// (<see cref="HeadingRule"/>), list items where a line starts with a marker (nested by indent,
/// <see cref="ListNesting"/>), paragraphs otherwise. Lines are joined with hyphenation repaired. Text
/// and tables made of OCR'd words carry those words and their confidence (<see cref="RecognisedWords"/>). One
/// builder serves a whole document: body and heading sizes are learnt over the pages read so far.
/// </summary>
public sealed class PageBlockBuilder
{
    private const double MinTitleRatio = 1.5;

    private readonly FontSizeStatistics _statistics = new();
    private readonly ListNesting _lists = new();
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<Block> _starItems = new(ReferenceEqualityComparer.Instance);
    private bool _titleFound;

    /// <summary>The blocks of one page, from its regions in reading order; boxes in the page's own frame.</summary>
    public IReadOnlyList<Block> Build(PageLayout layout)
    {
        var textLines = layout.Regions.Where(r => r.Text is not null).SelectMany(r => r.Text!.Lines).ToList();
        foreach (var line in textLines) _statistics.Add(line);
        foreach (var line in layout.Regions.SelectMany(LinesOf)) AddWords(line.Text);
        var page = new PageFacts(layout, textLines, _statistics.BodySize, CodeByFace(textLines), FindTitle(layout, textLines));
        var result = new List<Block>();
        var sizes = new Dictionary<Block, double>(ReferenceEqualityComparer.Instance);
        var code = new List<LayoutLine>();
        _lists.Reset();
        foreach (var region in layout.Regions)
        {
            if (region.Text is { } text)
            {
                var runs = BlockSegmenter.Split(text).ToList();
                for (var i = 0; i < runs.Count; i++)
                {
                    var run = runs[i];
                    if (page.CodeByFace && IsCode(run))
                    {
                        if (code.Count > 0 && !Continues(code, run)) FlushCode(code, page, result);
                        code.AddRange(run);
                        continue;
                    }
                    FlushCode(code, page, result);
                    var block = Classify(run, page, AmidTextOfItsSize(runs, i));
                    if (block.Text.Length > 0)
                    {
                        result.Add(block);
                        sizes[block] = DominantSize(run);
                    }
                    if (block.Role != BlockRole.ListItem) _lists.Reset();
                }
                continue;
            }
            FlushCode(code, page, result);
            _lists.Reset();
            if (region.Table is { } table)
            {
                var (words, confidence) = RecognisedWords.Of(table.Words);
                result.Add(new Block { Role = BlockRole.Table, Table = table.Table, Provenance = Provenance(layout.Number, table.Box), Words = words, Confidence = confidence });
            }
            else if (region.Picture is { } picture)
            {
                var labels = LineJoiner.Join(LineBuilder.Instance.Build(picture.Words).Select(l => l.Text));
                result.Add(new Block { Role = BlockRole.Picture, Text = labels, Provenance = Provenance(layout.Number, picture.Box) });
            }
        }
        FlushCode(code, page, result);
        LoneStars(result, sizes);
        return ColumnContinuation.Join(result, sizes);
    }

    // A form's label ("Signature:") set bold with its value beside it on the same line is no heading.
    private static bool IsLabel(IReadOnlyList<LayoutLine> lines, string text, PageFacts page)
    {
        if (lines.Count != 1 || !text.TrimEnd().EndsWith(':')) return false;
        var label = lines[0].Box;
        return page.Lines.Any(o => o != lines[0] && o.Box.Left >= label.Right && o.Box.VerticalOverlap(label) >= 0.5 * Math.Min(o.Box.Height, label.Height));
    }

    private static IEnumerable<LayoutLine> LinesOf(PageRegion region) => region.Text?.Lines ?? [];

    // The document's words so far (this page's included), lower case: what tells a compound from a broken word.
    private void AddWords(string text)
    {
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Trim('(', ')', '[', ']', ',', '.', ';', ':', '"', '\'', '“', '”', '‘', '’', '!', '?');
            // Words, and compounds whose parts are words ("age-adjusted"); a hyphen that ends a line is neither.
            if (word.Length > 0 && char.IsLetter(word[0]) && char.IsLetter(word[^1]) && word.All(c => char.IsLetter(c) || c == '-')) _vocabulary.Add(word.ToLowerInvariant());
        }
    }

    // Every line in a fixed-pitch face; a bulleted item whose words are in that face is still a list item.
    private static bool IsCode(IReadOnlyList<LayoutLine> lines) =>
        lines.All(l => l.Monospace) && lines.Any(l => l.Words.Count > 0) && !ListMarkers.StartsWithBullet(lines[0].Text);

    // Code split by a blank line or an indent stays one listing when it goes on just below, at about the same left edge.
    private static bool Continues(List<LayoutLine> code, IReadOnlyList<LayoutLine> run)
    {
        var size = Math.Max(1, code[^1].FontSize);
        var gap = run[0].Box.Top - code[^1].Box.Bottom;
        return gap >= -0.5 * size && gap <= 3 * size && Math.Abs(run.Min(l => l.Box.Left) - code.Min(l => l.Box.Left)) <= 8 * size;
    }

    private void FlushCode(List<LayoutLine> code, PageFacts page, List<Block> into)
    {
        if (code.Count == 0) return;
        var box = code.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
        into.Add(new Block { Role = BlockRole.Code, Text = CodeText.Of(code), Provenance = Provenance(page.Layout.Number, box) });
        code.Clear();
        _lists.Reset();
    }

    /// <summary>The blocks of one page made of text blocks only (no tables or pictures), in reading order.</summary>
    public IReadOnlyList<Block> Build(IReadOnlyList<LayoutBlock> blocks, int page) =>
        Build(new PageLayout(page, 0, 0, blocks.Select(PageRegion.Of).ToList()));

    private sealed record PageFacts(PageLayout Layout, List<LayoutLine> Lines, double BodySize, bool CodeByFace, LayoutLine? Title);

    private Block Classify(IReadOnlyList<LayoutLine> lines, PageFacts page, bool amidTextOfItsSize)
    {
        var provenance = Provenance(page.Layout.Number, lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b)));
        var (words, confidence) = RecognisedWords.Of(lines.SelectMany(l => l.Words));
        Block Make(BlockRole role, string text) => new() { Role = role, Text = text, Provenance = provenance, Confidence = confidence, Words = words };
        var text = LineJoiner.Join(lines, _vocabulary);
        var size = DominantSize(lines);
        if (RunningHeadRule.IsRunningHead(lines, text, page.Layout.Width, page.Layout.Height, page.Lines.Except(lines).ToList()) is { } atTop)
        {
            return Make(atTop ? BlockRole.PageHeader : BlockRole.PageFooter, text);
        }
        if (CaptionPrefix.IsCaption(text)) return Make(BlockRole.Caption, text);
        if (FootnoteRule.IsFootnote(lines, size, page.BodySize, page.Layout.Height, page.Lines.Except(lines)))
        {
            return Make(BlockRole.Footnote, text);
        }
        if (page.Title is not null && lines.Contains(page.Title) && HeadingRule.IsHeading(lines, text, size, _statistics, amidTextOfItsSize))
        {
            _titleFound = true;
            return Make(BlockRole.Title, text);
        }
        if (HeadingRule.IsHeading(lines, text, size, _statistics, amidTextOfItsSize) && !IsLabel(lines, text, page))
        {
            return Make(BlockRole.Heading, text) with { Level = HeadingRule.Level(text, size, _statistics) };
        }
        if (ListMarkers.TryMatch(text, out var marker))
        {
            // Printed numbers are kept (an exercise list may start at 150); letters and roman numerals,
            // which Markdown cannot number, stay in the text as printed.
            var item = marker.Kind switch
            {
                MarkerKind.Number => Make(BlockRole.ListItem, marker.Rest) with { Ordered = true, Number = marker.Number },
                MarkerKind.Letter => Make(BlockRole.ListItem, marker.Printed + " " + marker.Rest),
                _ => Make(BlockRole.ListItem, marker.Rest),
            };
            item = item with { Level = _lists.Next(lines[0].Box.Left, size) };
            if (marker.Printed == "*") _starItems.Add(item);
            return item;
        }
        return Make(BlockRole.Paragraph, text);
    }

    // A star before one paragraph alone marks a note ("* Per 100,000 population." under a table), as a
    // page sets it; a list set with stars has two items at least, one after the other.
    private void LoneStars(List<Block> blocks, Dictionary<Block, double> sizes)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!_starItems.Contains(blocks[i]) || (i > 0 && _starItems.Contains(blocks[i - 1])) || (i + 1 < blocks.Count && _starItems.Contains(blocks[i + 1]))) continue;
            var note = blocks[i] with { Role = BlockRole.Paragraph, Text = "* " + blocks[i].Text, Level = 0, Ordered = false };
            if (sizes.Remove(blocks[i], out var size)) sizes[note] = size;
            blocks[i] = note;
        }
        _starItems.Clear();
    }

    // On a page set wholly in a fixed-pitch face (a typescript, a transcript), that face says nothing about code.
    private static bool CodeByFace(List<LayoutLine> lines) => !FixedPitchPages.IsTypewritten(lines);

    // The first line of the largest text in the upper half of the first page, when it stands out from everything else on it.
    private LayoutLine? FindTitle(PageLayout layout, List<LayoutLine> lines)
    {
        if (_titleFound || layout.Number != 1 || lines.Count == 0 || _statistics.BodySize <= 0) return null;
        var largest = lines.Max(l => l.FontSize);
        if (largest < MinTitleRatio * _statistics.BodySize) return null;
        var first = lines.Where(l => l.FontSize >= largest - 0.5).MinBy(l => l.Box.Top)!;
        return layout.Height <= 0 || first.Box.Top < 0.5 * layout.Height ? first : null;
    }

    // Whether the run sits between runs of its own size in its region: a stretch of the running text
    // (short lines of a long URL), whatever the page's body size, so its size sets it apart from nothing.
    private static bool AmidTextOfItsSize(IReadOnlyList<IReadOnlyList<LayoutLine>> runs, int i)
    {
        if (i == 0 || i + 1 >= runs.Count) return false;
        var size = DominantSize(runs[i]);
        return Math.Abs(DominantSize(runs[i - 1]) - size) < 0.5 && Math.Abs(DominantSize(runs[i + 1]) - size) < 0.5;
    }

    private static double DominantSize(IReadOnlyList<LayoutLine> lines) =>
        lines.GroupBy(l => Math.Round(l.FontSize * 2) / 2)
            .MaxBy(g => (g.Sum(l => l.Text.Length), g.Key))!.Key;

    private static Provenance Provenance(int page, BoundingBox box) =>
        new(page, new BoundingBox(Math.Round(box.Left, 2), Math.Round(box.Top, 2), Math.Round(box.Right, 2), Math.Round(box.Bottom, 2)));
}
