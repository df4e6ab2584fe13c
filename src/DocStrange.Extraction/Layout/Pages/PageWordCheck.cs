using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Regions;

namespace DocStrange.Extraction.Layout.Pages;

/// <summary>
/// The invariant every page layout must keep: the words of its regions (text lines, table cells,
/// picture labels) are the page's words, each exactly once. Text regions and pictures hold the words
/// themselves, so they are counted by identity; a table's cells hold text made from its words (lines
/// joined, hyphenation repaired), so its cells must show the same letters and digits, as many times,
/// as the words it took. A layout that fails this dropped or doubled something.
/// </summary>
public static class PageWordCheck
{
    /// <summary>Whether <paramref name="layout"/> holds each of <paramref name="words"/> (those with text) exactly once, and nothing else.</summary>
    public static bool Holds(IReadOnlyList<LayoutWord> words, PageLayout layout)
    {
        var expected = new HashSet<LayoutWord>(words.Where(w => w.Text.Length > 0), ReferenceEqualityComparer.Instance);
        var seen = new HashSet<LayoutWord>(ReferenceEqualityComparer.Instance);
        foreach (var region in layout.Regions)
        {
            IEnumerable<LayoutWord> taken = region.Text?.Lines.SelectMany(l => l.Words) ?? region.Table?.Words ?? region.Picture?.Words ?? [];
            foreach (var word in taken)
            {
                if (word.Text.Length == 0) continue;
                if (!expected.Contains(word) || !seen.Add(word)) return false;
            }
            if (region.Table is { } table && !SameCharacters(table.Words.Select(w => w.Text), table.Table.Cells.Select(c => c.Text))) return false;
        }
        return seen.Count == expected.Count;
    }

    /// <summary>The warning for a page whose layout failed the check and was laid out again (<see cref="PageLayout.FellBack"/>).</summary>
    public static DocumentWarning FallbackWarning(int page) => new(ErrorCode.ProcessingError,
        $"page {page}: the layout lost or doubled words, so the page was laid out again without tables, in plain reading order", page);

    // The letters and digits of both texts, counted: order, spaces, hyphens and case do not matter.
    private static bool SameCharacters(IEnumerable<string> a, IEnumerable<string> b)
    {
        var counts = new Dictionary<int, int>();
        foreach (var rune in Runes(a)) counts[rune] = counts.GetValueOrDefault(rune) + 1;
        foreach (var rune in Runes(b))
        {
            if (!counts.TryGetValue(rune, out var n) || n == 0) return false;
            counts[rune] = n - 1;
        }
        return counts.Values.All(n => n == 0);
    }

    private static IEnumerable<int> Runes(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            // The cleanup cell text gets (ligatures expanded); the build runs without ICU, so no NFKC here.
            foreach (var rune in TextCleanup.Normalize(text).EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune)) yield return Rune.ToLowerInvariant(rune).Value;
            }
        }
    }
}
