using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// A footnote is text set smaller than the body, in the lower part of its page, that starts with a
/// note mark (a number, a letter or a symbol such as * † ‡ §), with only other small text below it.
/// </summary>
public static partial class FootnoteRule
{
    /// <summary>The largest size, as a share of the body size, of footnote text.</summary>
    public const double MaxSizeRatio = 0.92;

    /// <summary>Whether the lines are a footnote on a page of the given height, given the page's other lines (a page number below does not count).</summary>
    public static bool IsFootnote(IReadOnlyList<LayoutLine> lines, double size, double bodySize, double pageHeight, IEnumerable<LayoutLine> others)
    {
        if (bodySize <= 0 || pageHeight <= 0 || size > MaxSizeRatio * bodySize) return false;
        if (lines[0].Box.Top < 0.5 * pageHeight || !Mark().IsMatch(lines[0].Text)) return false;
        var bottom = lines[^1].Box.Bottom;
        return !others.Any(o => o.Box.Top > bottom && o.FontSize > MaxSizeRatio * bodySize && o.Text.Length > 5);
    }

    [GeneratedRegex(@"^\s*(?:\d{1,3}\s*\)?|[a-z]\)|[*†‡§¶#]+)\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex Mark();
}
