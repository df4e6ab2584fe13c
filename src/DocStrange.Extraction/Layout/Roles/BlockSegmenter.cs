namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// Splits a segmenter's block where the text changes kind: at a change of font size or between a
/// wholly bold (or italic) line and one that is not (a heading sitting on its paragraph), before
/// each line that starts a list item or another of the source's own paragraphs (where the source
/// says, as an OCR engine does: paragraphs set without space between them), and around each line of a run of table-like lines (two or more
/// of them in a row, each split by gaps of an em and more into short cells: rows of a table no
/// detector took), so such rows stay one per line, as the text layer sets them, instead of running
/// together into one paragraph.
/// </summary>
public static class BlockSegmenter
{
    /// <summary>The block's lines in runs that each become one block of the document.</summary>
    public static IEnumerable<IReadOnlyList<LayoutLine>> Split(LayoutBlock block)
    {
        var run = new List<LayoutLine>();
        LayoutLine? previous = null;
        var rows = TableLikeRun(block.Lines);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines[i];
            if (previous is not null && (rows[i] || rows[i - 1] || StartsNewRun(previous, line)))
            {
                yield return run;
                run = [];
            }
            run.Add(line);
            previous = line;
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>The widest gap between the words of one phrase, in multiples of the font size; a wider one parts cells.</summary>
    public const double CellGap = 1.0;

    // Which lines belong to a run of two or more table-like lines.
    private static bool[] TableLikeRun(IReadOnlyList<LayoutLine> lines)
    {
        var like = lines.Select(IsTableLike).ToArray();
        var result = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            result[i] = like[i] && (i > 0 && like[i - 1] || i + 1 < lines.Count && like[i + 1]);
        }
        return result;
    }

    // A line of three or more cells parted by wide gaps, each cell a few words at most.
    private static bool IsTableLike(LayoutLine line)
    {
        var words = line.Words;
        if (words.Count < 3) return false;
        var cells = 1;
        var wordsInCell = 1;
        for (var i = 1; i < words.Count; i++)
        {
            var gap = words[i].Box.Left - words[i - 1].Box.Right;
            if (gap >= CellGap * Math.Max(1, line.FontSize))
            {
                cells++;
                wordsInCell = 1;
            }
            else if (++wordsInCell > 4) return false;
        }
        return cells >= 3;
    }

    private static bool StartsNewRun(LayoutLine previous, LayoutLine line) =>
        SizeChanges(previous.FontSize, line.FontSize)
        || previous.Bold != line.Bold
        || previous.Italic != line.Italic
        || ListMarkers.TryMatch(line.Text, out _, out _)
        || SourceParagraph(previous) != SourceParagraph(line) && SourceParagraph(previous) > 0 && SourceParagraph(line) > 0;

    // The source's paragraph most of the line's letters are in (a list item's number may stand in one of its own).
    private static int SourceParagraph(LayoutLine line) =>
        line.Words.Count == 0 ? 0 : line.Words.GroupBy(w => w.Paragraph).MaxBy(g => g.Sum(w => w.Text.Length))!.Key;

    private static bool SizeChanges(double a, double b) => Math.Abs(a - b) > Math.Max(0.8, 0.1 * Math.Max(a, b));
}
