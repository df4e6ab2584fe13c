using System.Text.RegularExpressions;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Running heads and folios on an OCR'd page, which a scan cannot mark as such: the first block,
/// when it is one line of body text (not a heading) in the top 15% of the page, set apart from what
/// follows by at least a line's height, and carries a page number of one to three digits at one end
/// ("Chapter title 9", "12 Author et al."; a year does not count), is a page header; the last block,
/// when it is one line in the bottom 15% and is a page number ("7", "Page 7 of 9", "- 7 -", "7-45"),
/// is a page footer.
/// </summary>
internal static partial class OcrPageFurniture
{
    private const double Margin = 0.15;

    /// <summary>The page's blocks with the header and footer roles set; <paramref name="pageHeight"/> in points.</summary>
    public static IReadOnlyList<Block> Mark(IReadOnlyList<Block> blocks, double pageHeight)
    {
        if (blocks.Count < 2 || pageHeight <= 0) return blocks;
        var result = blocks.ToList();
        if (IsOneLine(result[0]) && result[0].Role == BlockRole.Paragraph && result[0].Provenance?.Box is { } top && top.Bottom <= Margin * pageHeight
            && result[1].Provenance?.Box is { } next && next.Top - top.Bottom >= top.Height
            && RunningHead().IsMatch(result[0].Text))
        {
            result[0] = result[0] with { Role = BlockRole.PageHeader, Level = 0 };
        }
        if (IsOneLine(result[^1]) && result[^1].Provenance?.Box is { } bottom && bottom.Top >= (1 - Margin) * pageHeight
            && Folio().IsMatch(result[^1].Text))
        {
            result[^1] = result[^1] with { Role = BlockRole.PageFooter, Level = 0 };
        }
        return result;
    }

    private static bool IsOneLine(Block block) =>
        block.Role is BlockRole.Paragraph or BlockRole.Heading && block.Words is { Count: > 0 } words
        && block.Provenance?.Box is { } box && box.Height < 2 * words.Average(w => w.Box.Height);

    // Text with a page number (one to three digits) standing alone at its start or end.
    [GeneratedRegex(@"^(?:\d{1,3}\s+\p{L}.*|.*\p{L}.*\s\d{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex RunningHead();

    // A page number alone, decorated, with its total, or in chapter-page form.
    [GeneratedRegex(@"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*\d{1,4}(?:\s*(?:/|of|von|de)\s*\d{1,4}|[-–.]\d{1,4})?\s*[-–—]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Folio();
}
