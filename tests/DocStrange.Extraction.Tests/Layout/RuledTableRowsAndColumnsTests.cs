using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Tables;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

/// <summary>Ruled tables whose rules leave rows or columns undrawn, and frames that are not tables.</summary>
public class RuledTableRowsAndColumnsTests
{
    private static string[][] Rows(Table table)
    {
        var grid = table.ToGrid();
        return Enumerable.Range(0, table.RowCount)
            .Select(r => Enumerable.Range(0, table.ColumnCount).Select(c => grid[r, c] is { } cell && cell.Row == r && cell.Column == c ? cell.Text : "^").ToArray())
            .ToArray();
    }

    private static List<LayoutWord> Grid(string[][] rows, double top, double pitch = 14)
    {
        var words = new List<LayoutWord>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0) words.AddRange(Phrase(rows[r][c], 80 + c * 100, top + r * pitch));
            }
        }
        return words;
    }

    [Fact]
    public void Column_rules_drawn_only_in_the_header_still_part_the_body_cells_that_text_parts()
    {
        // A box with rules above and below the header; the inner verticals only cross the header.
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x, double bottom = 120) => new(x, 100, x, bottom);
        var words = Grid([["Country", "Cases", "Share"]], 114);
        words.AddRange(Grid([["Austria", "3,375", "13.8"], ["Belgium", "3,973", "0"], ["Cyprus", "158", "3.8"]], 134));
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [H(100), H(120), H(170), V(72, 170), V(172), V(272), V(372, 170)]), Lines(words)));
        Assert.Equal([["Country", "Cases", "Share"], ["Austria", "3,375", "13.8"], ["Belgium", "3,973", "0"], ["Cyprus", "158", "3.8"]], Rows(region.Table));
    }

    [Fact]
    public void Column_heads_set_on_the_top_rule_of_a_grid_are_its_header_row_and_a_caption_above_them_is_not()
    {
        // A grid of times and stages; its heads stand unruled on its top rule, a caption above them.
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x) => new(x, 100, x, 156);
        var words = Phrase("Saturday timetable of the main stages", 100, 78);
        words.AddRange(Grid([["", "Main", "Second"]], 97));
        words.AddRange(Grid([["11:00", "Ripper", "Auger"], ["11:05", "Owens", "Bane"], ["11:10", "Stone", "Gods"]], 111));
        var rulings = new[] { H(100), H(114), H(128), H(142), H(156), V(72), V(172), V(272), V(372) };
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal([["", "Main", "Second"], ["11:00", "Ripper", "Auger"], ["11:05", "Owens", "Bane"], ["11:10", "Stone", "Gods"]], Rows(region.Table));
        Assert.DoesNotContain(region.Words, w => w.Text == "timetable");
    }

    [Fact]
    public void A_band_of_rows_between_two_rules_is_split_into_its_rows_and_a_section_label_keeps_a_row_of_its_own()
    {
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x) => new(x, 100, x, 190);
        var words = Grid([["Year", "Public", "Private"]], 114);
        words.AddRange(Grid([["Actual", "", ""], ["2009", "54,862", "5,488"], ["2010", "55,187", "5,300"], ["Projected", "", ""], ["2011", "55,307", "5,268"]], 134));
        var rulings = new[] { H(100), H(120), H(190), V(72), V(172), V(272), V(372) };
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal(
            [["Year", "Public", "Private"], ["Actual", "", ""], ["2009", "54,862", "5,488"], ["2010", "55,187", "5,300"], ["Projected", "", ""], ["2011", "55,307", "5,268"]],
            Rows(region.Table).Select(r => r.Select(t => t == "^" ? "" : t).ToArray()).ToArray());
    }

    [Fact]
    public void A_cell_centred_beside_two_lines_keeps_the_band_one_row_when_a_recogniser_gives_it_the_upper_line()
    {
        // OCR gives every word of a recognised line that line's baseline: the "6" centred beside the two
        // lines of its neighbours comes with the upper line's baseline, its box between the two lines.
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x) => new(x, 100, x, 152);
        var words = Grid([["Layers", "Language", "Score"]], 114);
        words.AddRange(Grid([["", "OTSL", "0.965"], ["", "HTML", "0.969"]], 134, 12));
        words.Add(new LayoutWord("6", new BoundingBox(80, 131, 85, 141.5), 134, 10));
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [H(100), H(120), H(152), V(72), V(172), V(272), V(372)]), Lines(words)));
        Assert.Equal([["Layers", "Language", "Score"], ["6", "OTSL HTML", "0.965 0.969"]], Rows(region.Table));
    }

    [Fact]
    public void Boxes_drawn_around_the_header_cells_do_not_keep_the_body_band_from_splitting()
    {
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x, double top, double bottom) => new(x, top, x, bottom);
        var words = Grid([["Country", "Fund", "Total"]], 114);
        words.AddRange(Grid([["Bulgaria", "2.3", "5.5"], ["Cyprus", "0.21", "0.21"], ["Assistance", "", "0.87"]], 134));
        // Column rules down the whole table, and a box inset around each header cell, standing on the rule under the header.
        List<Ruling> rulings = [H(100), H(120), H(170), V(72, 100, 170), V(172, 100, 170), V(272, 100, 170), V(372, 100, 170)];
        foreach (var left in new[] { 76.0, 176, 276 }) rulings.AddRange([V(left, 103, 120), V(left + 92, 103, 120), new(left, 103, left + 92, 103)]);
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        // One row per line of the body (the slivers the boxes add may leave empty columns beside the cells).
        Assert.Equal(["Country Fund Total", "Bulgaria 2.3 5.5", "Cyprus 0.21 0.21", "Assistance 0.87"],
            Rows(region.Table).Select(r => string.Join(" ", r.Where(t => t.Length > 0 && t != "^"))));
    }

    [Fact]
    public void A_table_ruled_only_after_its_label_column_gets_its_value_columns_from_the_text()
    {
        // One rule down the table after the labels; the values stand in columns of their own, some empty.
        Ruling H(double y) => new(72, y, 472, y);
        var words = Grid([["Age", "Share", "Adults", "Total"], ["Under 1", "0.0156", "", "3,533,692"], ["1 - 2", "0.0287", "", "6,493,373"], ["20 - 29", "0.1803", "0.2650", "40,839,623"]], 114, 16);
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [H(100), H(120), H(170), new(172, 100, 172, 170)]), Lines(words)));
        Assert.Equal([["Age", "Share", "Adults", "Total"], ["Under 1", "0.0156", "", "3,533,692"], ["1 - 2", "0.0287", "", "6,493,373"], ["20 - 29", "0.1803", "0.2650", "40,839,623"]],
            Rows(region.Table).Select(r => r.Select(t => t == "^" ? "" : t).ToArray()).ToArray());
    }

    [Fact]
    public void A_header_wrapped_over_lines_between_two_rules_stays_one_row()
    {
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x) => new(x, 100, x, 176);
        var words = Grid([["Number of", "Share of all", "Total"], ["financial", "companies", "cases"], ["companies", "analysed", ""]], 112, 11);
        words.AddRange(Grid([["Banks", "52", "14"], ["Insurers", "28", "4"]], 148));
        var rulings = new[] { H(100), H(136), H(176), V(72), V(172), V(272), V(372) };
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal([["Number of financial companies", "Share of all companies analysed", "Total cases"], ["Banks", "52", "14"], ["Insurers", "28", "4"]], Rows(region.Table));
    }

    [Fact]
    public void Bulleted_lists_side_by_side_in_two_cells_stay_in_their_row()
    {
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x) => new(x, 100, x, 200);
        var words = Grid([["Column A", "Column B", ""]], 114);
        words.AddRange(Grid([["This is a list:", "Formatted list:", "Plain"], ["• A First", "• B First", ""], ["• A Second", "• B Second", ""]], 134));
        words.AddRange(Grid([["Last", "Row", "Here"]], 186));
        var rulings = new[] { H(100), H(120), H(176), H(200), V(72), V(172), V(272), V(372) };
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal(
            [["Column A", "Column B", ""], ["This is a list: • A First • A Second", "Formatted list: • B First • B Second", "Plain"], ["Last", "Row", "Here"]],
            Rows(region.Table).Select(r => r.Select(t => t.Replace('\n', ' ')).ToArray()).ToArray());
    }

    [Fact]
    public void Bullets_indented_apart_from_their_items_are_no_column_of_their_own()
    {
        Ruling H(double y, double right) => new(72, y, right, y);
        Ruling V(double x) => new(x, 100, x, 160);
        static List<LayoutWord> Items(double left)
        {
            var words = new List<LayoutWord>();
            foreach (var (text, y) in new[] { ("Cell 1 item 1", 114.0), ("Cell 1 item 2", 126.0), ("Cell 2 item 1", 144.0), ("Cell 2 item 2", 156.0) })
            {
                words.AddRange(Phrase("•", left + 8, y));
                words.AddRange(Phrase(text, left + 26, y));
            }
            return words;
        }

        // With the bullets back on their items the box has one column: boxed lists, not a table.
        var words = Items(72);
        Assert.Empty(RuledTableDetector.Instance.Detect(Page(words, [H(100, 300), H(130, 300), H(160, 300), V(72), V(300)]), Lines(words)));

        // Two drawn columns, each cell a bulleted list: still two columns.
        words.AddRange(Items(300));
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [H(100, 528), H(130, 528), H(160, 528), V(72), V(300), V(528)]), Lines(words)));
        Assert.Equal(2, region.Table.ColumnCount);
        Assert.Equal("• Cell 2 item 1 • Cell 2 item 2", region.Table.Cells[^1].Text.Replace('\n', ' '));
    }

    [Fact]
    public void A_border_around_the_page_is_no_table_and_the_table_inside_it_is_found()
    {
        var frame = new[] { new Ruling(20, 20, 592, 20), new Ruling(20, 772, 592, 772), new Ruling(20, 20, 20, 772), new Ruling(592, 20, 592, 772) };
        var prose = Column(Enumerable.Range(0, 6).Select(i => $"line {i} of a paragraph of running text set inside the border of the page"), 72, 60);
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x) => new(x, 300, x, 348);
        var table = Grid([["Item", "Qty", "Price"], ["Bolts", "200", "0.12"], ["Nuts", "50", "0.05"]], 314, 16);
        var rulings = frame.Concat([H(300), H(316), H(332), H(348), V(72), V(172), V(272), V(372)]);
        var words = prose.Concat(table).ToList();
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal([["Item", "Qty", "Price"], ["Bolts", "200", "0.12"], ["Nuts", "50", "0.05"]], Rows(region.Table));
    }
}
