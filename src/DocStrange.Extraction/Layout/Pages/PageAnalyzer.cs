using DocStrange.Extraction.Layout.Blocks;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Order;
using DocStrange.Extraction.Layout.Regions;
using DocStrange.Extraction.Layout.Tables;

namespace DocStrange.Extraction.Layout.Pages;

/// <summary>
/// Layout analysis of one page, whatever its source: words make lines; ruled tables take their words
/// first, then pictures take their labels; the remaining lines get their markers and margin numbers
/// back, tables drawn without rulings (dot-leader contents, column alignment) take theirs, the rest
/// make blocks, and every region is put in reading order. One call per page; nothing is kept between
/// pages.
/// </summary>
public sealed class PageAnalyzer
{
    private readonly ILineBuilder _lines;
    private readonly IBlockBuilder _blocks;
    private readonly IReadingOrder _order;
    private readonly IReadOnlyList<ITableDetector> _ruledTables;
    private readonly IReadOnlyList<ITableDetector> _alignedTables;

    /// <summary>An analyzer with the given algorithms: table detectors that run before pictures take their labels, and ones that run after.</summary>
    public PageAnalyzer(ILineBuilder lines, IBlockBuilder blocks, IReadingOrder order, IReadOnlyList<ITableDetector> ruledTables, IReadOnlyList<ITableDetector> alignedTables)
    {
        _lines = lines;
        _blocks = blocks;
        _order = order;
        _ruledTables = ruledTables;
        _alignedTables = alignedTables;
    }

    /// <summary>An analyzer with the default algorithms and options.</summary>
    public static PageAnalyzer Default { get; } = new(LineBuilder.Instance, BlockBuilder.Instance, TopologicalReadingOrder.Instance,
        [RuledTableDetector.Instance], [LeaderTableDetector.Instance, AlignedTableDetector.Instance]);

    /// <summary>
    /// The page's regions in reading order; <paramref name="cancellationToken"/> stops the work (the page's
    /// time budget). When the layout would drop or double a word (<see cref="PageWordCheck"/>), the page
    /// is laid out again without tables, pictures or line repairs, and failing that as its lines in the
    /// source's order; the result then says it fell back.
    /// </summary>
    public PageLayout Analyze(PageContent page, CancellationToken cancellationToken = default)
    {
        var words = page.Words.Where(w => w.Text.Length > 0).ToList();
        var full = Full(page, words, cancellationToken);
        if (PageWordCheck.Holds(words, full)) return full;
        var safe = Safe(page, words, cancellationToken);
        if (PageWordCheck.Holds(words, safe)) return safe with { FellBack = true };
        return SourceOrder(page, words) with { FellBack = true };
    }

    private PageLayout Full(PageContent page, List<LayoutWord> words, CancellationToken cancellationToken)
    {
        var lines = _lines.Build(words);
        var regions = new List<PageRegion>();
        foreach (var detector in _ruledTables)
        {
            foreach (var table in detector.Detect(page, lines)) lines = Take(PageRegion.Of(table), table.Words, regions, lines);
        }
        var body = BodyText.Size(lines.SelectMany(l => l.Words));
        foreach (var picture in PictureRegions.Find(page, lines, body, regions.Select(r => r.Box)))
        {
            lines = Take(PageRegion.Of(picture), picture.Words, regions, lines);
        }
        lines = DetachedMarkers.Reattach(MarginLineNumbers.Join(lines));
        foreach (var detector in _alignedTables)
        {
            foreach (var table in detector.Detect(page, lines))
            {
                regions.Add(PageRegion.Of(table));
                var taken = new HashSet<LayoutWord>(table.Words, ReferenceEqualityComparer.Instance);
                lines = lines.Where(l => !l.Words.Any(taken.Contains)).ToList();
            }
        }
        return Ordered(page, regions, lines, cancellationToken);
    }

    // Lines and blocks only: every stage that takes words out of the flow or rewrites lines is left out.
    private PageLayout Safe(PageContent page, List<LayoutWord> words, CancellationToken cancellationToken) =>
        Ordered(page, [], _lines.Build(words), cancellationToken);

    private PageLayout Ordered(PageContent page, List<PageRegion> regions, IReadOnlyList<LayoutLine> lines, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        regions.AddRange(_blocks.Build(lines).Select(PageRegion.Of));
        var rightToLeft = IsRightToLeft(lines.SelectMany(l => l.Words));
        var body = BodyText.Size(lines.SelectMany(l => l.Words));
        return new PageLayout(page.Number, page.Width, page.Height, _order.Order(regions, r => r.Box, rightToLeft, Sequence, cancellationToken, body));
    }

    /// <summary>
    /// The last resort, for a page whose analysis failed or ran out of time: its words in the source's
    /// order, a line wherever the baseline moves, one block; every word kept.
    /// </summary>
    public static PageLayout InSourceOrder(PageContent page) => SourceOrder(page, page.Words.Where(w => w.Text.Length > 0).ToList()) with { FellBack = true };

    private static PageLayout SourceOrder(PageContent page, List<LayoutWord> words)
    {
        var ordered = words.Select((w, i) => (w, i)).OrderBy(x => x.w.Sequence > 0 ? x.w.Sequence : int.MaxValue).ThenBy(x => x.i).Select(x => x.w).ToList();
        var lines = new List<LayoutLine>();
        var run = new List<LayoutWord>();
        foreach (var word in ordered)
        {
            if (run.Count > 0 && Math.Abs(run[^1].Baseline - word.Baseline) > 0.5 * Math.Max(1, word.FontSize))
            {
                lines.Add(LineText.ToLine(run));
                run = [];
            }
            run.Add(word);
        }
        if (run.Count > 0) lines.Add(LineText.ToLine(run));
        IReadOnlyList<PageRegion> regions = lines.Count == 0 ? [] : [PageRegion.Of(new LayoutBlock(lines))];
        return new PageLayout(page.Number, page.Width, page.Height, regions);
    }

    // The first of the region's words in the source's order (0 when unknown, as for a picture without labels).
    private static int Sequence(PageRegion region)
    {
        var words = region.Text?.Lines.SelectMany(l => l.Words) ?? region.Table?.Words ?? region.Picture?.Words ?? [];
        var known = words.Where(w => w.Sequence > 0).Select(w => w.Sequence).DefaultIfEmpty(0);
        return known.Min();
    }

    private static bool IsRightToLeft(IEnumerable<LayoutWord> words) =>
        words.Sum(w => Bidi.HasRightToLeft(w.Text) ? w.Text.Length : -w.Text.Length) > 0;

    // Adds the region and remakes the lines from the words it leaves (a line may lose only some of its words).
    private IReadOnlyList<LayoutLine> Take(PageRegion region, IReadOnlyList<LayoutWord> taken, List<PageRegion> regions, IReadOnlyList<LayoutLine> lines)
    {
        regions.Add(region);
        if (taken.Count == 0) return lines;
        var set = new HashSet<LayoutWord>(taken, ReferenceEqualityComparer.Instance);
        return _lines.Build(lines.SelectMany(l => l.Words).Where(w => !set.Contains(w)).ToList());
    }
}
