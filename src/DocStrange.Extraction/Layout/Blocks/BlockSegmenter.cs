using DocStrange.Extraction.Layout.Roles;

namespace DocStrange.Extraction.Layout.Blocks;

/// <summary>
/// Splits a segmenter's block where the text changes kind: at a change of font size or between a
/// wholly bold (or italic) line and one that is not (a heading sitting on its paragraph), and before
/// each line that starts a list item.
/// </summary>
public static class BlockSegmenter
{
    /// <summary>The block's lines in runs that each become one block of the document.</summary>
    public static IEnumerable<IReadOnlyList<LayoutLine>> Split(LayoutBlock block)
    {
        var run = new List<LayoutLine>();
        LayoutLine? previous = null;
        foreach (var line in block.Lines)
        {
            if (previous is not null && StartsNewRun(previous, line))
            {
                yield return run;
                run = [];
            }
            run.Add(line);
            previous = line;
        }
        if (run.Count > 0) yield return run;
    }

    private static bool StartsNewRun(LayoutLine previous, LayoutLine line) =>
        SizeChanges(previous.FontSize, line.FontSize)
        || previous.Bold != line.Bold
        || previous.Italic != line.Italic
        || ListMarkers.TryMatch(line.Text, out _, out _);

    private static bool SizeChanges(double a, double b) => Math.Abs(a - b) > Math.Max(0.8, 0.1 * Math.Max(a, b));
}
