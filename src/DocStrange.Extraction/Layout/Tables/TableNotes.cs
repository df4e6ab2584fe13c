using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// The notes a table's frame holds under its last row ("Note: …", lettered footnotes, "Source: …"):
/// lines of running text set across the columns, each a row of one piece, where the table's rows part
/// into cells. Read as rows they would be cells of one column beside empty ones; they are text under the
/// table. The notes are taken off only when one of them reads as prose (a line of many words), so a
/// table whose last rows hold one cell each (a total on its own, a label) keeps them.
/// </summary>
public static class TableNotes
{
    /// <summary>The fewest words of a line that reads as prose.</summary>
    public const int ProseWords = 8;

    /// <summary>
    /// The box cut above the notes at its foot; the same box when it has none. <paramref name="rulings"/> are the
    /// grid's: a line that a column rule runs through is a row of cells (a row of a glyph chart has as many
    /// one-letter words as a line of prose), not a note.
    /// </summary>
    public static BoundingBox Above(BoundingBox box, IReadOnlyList<LayoutLine> lines, IReadOnlyList<Ruling> rulings)
    {
        var rows = TextSeparators.RowsOf(lines.Where(l => box.Contains(l.Box.CenterX(), l.Box.CenterY(), 1)).ToList());
        var columnRules = rulings.Where(r => !r.IsHorizontal && r.Position > box.Left + 2 && r.Position < box.Right - 2).ToList();
        bool Crossed(LayoutLine line) => columnRules.Any(r => r.Position > line.Box.Left && r.Position < line.Box.Right
            && r.Y1 <= line.Box.CenterY() && r.Y2 >= line.Box.CenterY());
        var first = rows.Count;
        var prose = false;
        while (first > 0 && rows[first - 1].Count == 1 && !Crossed(rows[first - 1][0]))
        {
            first--;
            prose |= rows[first][0].Words.Count >= ProseWords && rows[first][0].Box.Width >= box.Width / 2;
        }
        // The table keeps two rows at least, and at least one row of several cells.
        if (!prose || first < 2) return box;
        var cut = (rows[first - 1].Max(l => l.Box.Bottom) + rows[first].Min(l => l.Box.Top)) / 2;
        return new BoundingBox(box.Left, box.Top, box.Right, cut);
    }
}
