using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Joins a paragraph that a column break cut in two: the first part ends mid-sentence (no closing
/// punctuation), the next block in reading order is a paragraph that starts in lower case, higher up
/// the page and to the right (at the top of the next column). The joined block's box holds both parts.
/// </summary>
public static class ColumnContinuation
{
    /// <summary>The blocks with each cut paragraph joined again.</summary>
    public static List<Block> Join(List<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (result.Count > 0 && Continues(result[^1], block))
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
                continue;
            }
            result.Add(block);
        }
        return result;
    }

    private static bool Continues(Block first, Block next)
    {
        if (first.Role != BlockRole.Paragraph || next.Role != BlockRole.Paragraph) return false;
        if (first.Provenance?.Box is not { } a || next.Provenance?.Box is not { } b || first.Provenance.Page != next.Provenance.Page) return false;
        if (first.Text.Length == 0 || next.Text.Length == 0 || !char.IsLower(next.Text[0])) return false;
        var end = first.Text[^1];
        if (end is '.' or '!' or '?' or ':' or ';' or '"' or '”' or ')') return false;
        return b.Top < a.Top && b.Left >= a.Right - 1;
    }
}
