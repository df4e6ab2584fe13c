using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Roles;
using DocStrange.Extraction.Layout.Lines;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

public class BlockSegmenterTests
{
    // Words of one line, each cell placed at its own x.
    private static LayoutLine Row(double baseline, params (string Text, double Left)[] cells) =>
        LineText.ToLine(cells.SelectMany(c => Phrase(c.Text, c.Left, baseline)).ToList());

    [Fact]
    public void Rows_of_cells_that_no_table_took_stay_one_per_line()
    {
        var block = new LayoutBlock([Row(100, ("1", 72), ("100", 100), ("200", 140)), Row(114, ("2", 72), ("101", 100), ("201", 140)), Row(128, ("3", 72), ("102", 100), ("202", 140))]);
        Assert.Equal(["1 100 200", "2 101 201", "3 102 202"], BlockSegmenter.Split(block).Select(run => string.Join(" / ", run.Select(l => l.Text))));
    }

    [Fact]
    public void Lines_of_running_text_stay_one_paragraph()
    {
        var block = new LayoutBlock([LineText.ToLine(Phrase("The rows of a paragraph run on from", 72, 100)), LineText.ToLine(Phrase("one line to the next one below it.", 72, 114))]);
        Assert.Single(BlockSegmenter.Split(block));
    }
}
