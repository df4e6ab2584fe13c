using System.Text;
using System.Text.RegularExpressions;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.DocumentWide;

/// <summary>
/// Finds running headers, footers and page numbers once every page is read, as most layout tools do
/// (e.g. Lin 2003, "Header and footer extraction by page-association"): a text block in the top or
/// bottom band of its page, with no body text between it and the page edge, is a page header or
/// footer when the same text (digits ignored) comes back in that band on other pages, when it is a
/// bare page number ("12", "Page 3 of 9", "xiv", "7-45"), or when it shares its line with one. Text
/// repeated on a page without body text of its own is that page's content and stays.
/// </summary>
public static partial class PageFurniture
{
    /// <summary>The share of the page height, from the top or the bottom, where headers and footers sit.</summary>
    public const double Band = 0.15;

    /// <summary>The blocks with their headers and footers given those roles; other blocks unchanged.</summary>
    public static IReadOnlyList<Block> Mark(IReadOnlyList<Block> blocks, IReadOnlyList<PageInfo> pages)
    {
        var heights = pages.ToDictionary(p => p.Number, p => p.Height);
        var candidates = new List<(int Index, bool Top, string Key)>();
        foreach (var page in blocks.Select((b, i) => (b, i)).Where(x => x.b.Provenance?.Box is not null).GroupBy(x => x.b.Provenance!.Page))
        {
            if (!heights.TryGetValue(page.Key, out var height) || height <= 0) continue;
            var onPage = page.ToList();
            foreach (var (block, index) in onPage)
            {
                if (!IsText(block)) continue;
                var box = block.Provenance!.Box!.Value;
                var top = box.Bottom <= Band * height && !onPage.Any(o => o.i != index && InBody(o.b, height) && o.b.Provenance!.Box!.Value.Bottom <= box.Top);
                var bottom = box.Top >= (1 - Band) * height && !onPage.Any(o => o.i != index && InBody(o.b, height) && o.b.Provenance!.Box!.Value.Top >= box.Bottom);
                // The key holds the line height too: a title set large is not the running head that repeats its words.
                if (top || bottom) candidates.Add((index, top, Key(block.Text) + "|" + Math.Round(Math.Log(Math.Max(1, box.Height)) * 4)));
            }
        }
        var pagesPerKey = candidates.GroupBy(c => (c.Top, c.Key)).ToDictionary(g => g.Key, g => g.Select(c => blocks[c.Index].Provenance!.Page).Distinct().Count());
        // A page whose every text block sits in the bands (a slide of one line, a label per page) has no
        // body for a running head to stand apart from: its text repeating is its content, not furniture.
        var candidateIndexes = candidates.Select(c => c.Index).ToHashSet();
        var pagesWithBody = blocks.Select((b, i) => (b, i)).Where(x => IsText(x.b) && x.b.Provenance is not null && !candidateIndexes.Contains(x.i))
            .Select(x => x.b.Provenance!.Page).ToHashSet();
        var marked = new HashSet<int>();
        foreach (var c in candidates)
        {
            var text = blocks[c.Index].Text;
            if (PageNumber().IsMatch(text) || pagesPerKey[(c.Top, c.Key)] >= 2 && pagesWithBody.Contains(blocks[c.Index].Provenance!.Page)) marked.Add(c.Index);
        }
        // A block on the line of a page number ("Chapter 3 ... 27") is part of the same running head.
        foreach (var c in candidates.Where(c => !marked.Contains(c.Index)))
        {
            var box = blocks[c.Index].Provenance!.Box!.Value;
            if (marked.Any(m => blocks[m].Provenance!.Page == blocks[c.Index].Provenance!.Page && SameLine(blocks[m].Provenance!.Box!.Value, box))) marked.Add(c.Index);
        }
        if (marked.Count == 0) return blocks;
        var atTop = candidates.ToDictionary(c => c.Index, c => c.Top);
        return blocks.Select((b, i) => marked.Contains(i) ? b with { Role = atTop[i] ? BlockRole.PageHeader : BlockRole.PageFooter, Level = 0 } : b).ToList();
    }

    private static bool IsText(Block block) => block.Role is BlockRole.Paragraph or BlockRole.Heading or BlockRole.Footnote or BlockRole.ListItem;

    private static bool InBody(Block block, double height) =>
        block.Provenance?.Box is { } box && box.Top > Band * height && box.Bottom < (1 - Band) * height;

    private static bool SameLine(BoundingBox a, BoundingBox b) => a.VerticalOverlap(b) > 0.5 * Math.Min(a.Height, b.Height);

    // Lower case, digits as '#', spaces collapsed: "Page 3" and "Page 4" are the same running text.
    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            var c = char.IsDigit(ch) ? '#' : char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch);
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            if (c == '#' && sb.Length > 0 && sb[^1] == '#') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*(?:\d{1,4}|\d{1,3}[-–.]\d{1,4}|(?-i:(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})))\s*[-–—]?\s*(?:(?:of|/|von|de)\s*\d{1,4})?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
