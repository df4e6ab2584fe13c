using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Page headers, footers and margin stamps that a single page gives away by where they sit, their
/// size and what they say, without a second page to repeat them (repetition across pages is found
/// later, by <c>PageFurniture</c>): a block in the page's outer top or bottom strip with no text between
/// it and the edge, saying what running heads say ("Downloaded from …", a journal's volume and pages,
/// a DOI, a copyright line); and text turned sideways in the side margin, outside the body's width (a
/// download stamp, a line of filing numbers). Size alone is not enough: a line set small at the top of
/// a page is as often a document's own text (a notice, a form's reference) as a running head, and a
/// plain-text reading keeps it.
/// </summary>
public static partial class RunningHeadRule
{
    /// <summary>The share of the page's height, from the top or the bottom, where running heads and footers sit.</summary>
    public const double Strip = 0.08;

    /// <summary>The most words of a running head.</summary>
    public const int MaxWords = 25;

    /// <summary>Whether the lines are a page header (top) or footer (bottom), or neither (null).</summary>
    public static bool? IsRunningHead(IReadOnlyList<LayoutLine> lines, string text, double pageWidth, double pageHeight, IReadOnlyList<LayoutLine> others)
    {
        if (pageHeight <= 0 || pageWidth <= 0 || lines.Count > 2) return null;
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords) return null;
        var box = lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
        if (lines.All(l => l.Words.Count > 0 && l.Words.All(w => !w.IsUpright)))
        {
            // Sideways text beside the body: a stamp in the margin.
            var bodyLeft = others.Where(IsBodyLine).Select(l => l.Box.Left).DefaultIfEmpty(0).Min();
            var bodyRight = others.Where(IsBodyLine).Select(l => l.Box.Right).DefaultIfEmpty(pageWidth).Max();
            if (box.Right <= bodyLeft + 1 || box.Left >= bodyRight - 1) return box.CenterY() < pageHeight / 2;
            return null;
        }
        var top = box.Bottom <= Strip * pageHeight && !others.Any(o => o.Box.Bottom <= box.Top && IsBodyLine(o));
        var bottom = box.Top >= (1 - Strip) * pageHeight && !others.Any(o => o.Box.Top >= box.Bottom && IsBodyLine(o));
        if (!top && !bottom) return null;
        return RunningText().IsMatch(text) ? top : null;
    }

    private static bool IsBodyLine(LayoutLine line) => line.Words.Count == 0 || line.Words[0].IsUpright;

    [GeneratedRegex(@"^\s*download(?:ed)? (?:from|on|date)|\bdoi\s*[:.]|\bhttps?://|©|\(c\)\s*\d{4}|all rights reserved|\bvol(?:ume)?\.?\s*\d+|\bpp?\.\s*\d+|\bpage \d+ of \d+|\bjournal of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunningText();
}
