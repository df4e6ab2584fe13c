using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Joins a paragraph that a column break cut in two: the first part ends mid-sentence (no closing
/// punctuation), the next block in reading order is a paragraph that starts in lower case, higher up
/// the page and to the right (at the top of the next column), set in the same size of type and about
/// as wide (a line of small print at the foot of a column, such as a printer's slug, continues
/// nothing). The joined block's box holds both parts.
/// </summary>
public static class ColumnContinuation
{
    // Parts whose type sizes differ by more than this share are not one paragraph.
    private const double SameSize = 0.85;

    // The share of the next part's width the cut part must span: columns of one page are one width.
    private const double SameWidth = 0.7;

    /// <summary>The blocks with each cut paragraph joined again; <paramref name="sizes"/> holds the type size of the text blocks.</summary>
    public static List<Block> Join(List<Block> blocks, Dictionary<Block, double> sizes)
    {
        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (result.Count > 0 && Continues(result[^1], block) && SameType(result[^1], block, sizes))
            {
                var first = result[^1];
                IReadOnlyList<Word>? words = first.Words is null && block.Words is null ? null : [.. first.Words ?? [], .. block.Words ?? []];
                result[^1] = first with
                {
                    Text = LineJoiner.Join([first.Text, block.Text]),
                    Provenance = first.Provenance! with { Box = first.Provenance.Box!.Value.Union(block.Provenance!.Box!.Value) },
                    Words = words,
                    Confidence = words is null ? first.Confidence : RecognisedWords.MeanConfidence(words),
                };
                if (sizes.TryGetValue(first, out var size)) sizes[result[^1]] = size;
                continue;
            }
            result.Add(block);
        }
        return result;
    }

    private static bool SameType(Block first, Block next, Dictionary<Block, double> sizes) =>
        !sizes.TryGetValue(first, out var a) || !sizes.TryGetValue(next, out var b) || a <= 0 || b <= 0 || Math.Min(a, b) >= SameSize * Math.Max(a, b);

    private static bool Continues(Block first, Block next)
    {
        if (first.Role != BlockRole.Paragraph || next.Role != BlockRole.Paragraph) return false;
        if (first.Provenance?.Box is not { } a || next.Provenance?.Box is not { } b || first.Provenance.Page != next.Provenance.Page) return false;
        if (first.Text.Length == 0 || next.Text.Length == 0 || !char.IsLower(next.Text[0])) return false;
        var end = first.Text[^1];
        if (end is '.' or '!' or '?' or ':' or ';' or '"' or '”' or ')') return false;
        // The cut part fills its column as the rest fills the next: a short line under a column (a slug, a
        // stamp) is no paragraph's start.
        return b.Top < a.Top && b.Left >= a.Right - 1 && a.Width >= SameWidth * b.Width;
    }
}
