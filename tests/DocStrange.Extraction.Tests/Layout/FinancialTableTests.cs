using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Tables;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

/// <summary>Statements ruled only above their subtotals, currency signs in columns of their own, headings over the value columns.</summary>
public class FinancialTableTests
{
    private static string[][] Rows(Table table)
    {
        var grid = table.ToGrid();
        return Enumerable.Range(0, table.RowCount)
            .Select(r => Enumerable.Range(0, table.ColumnCount).Select(c => grid[r, c] is { } cell && cell.Row == r && cell.Column == c ? cell.Text : "").ToArray())
            .ToArray();
    }

    // A row of a statement: its label at labelLeft, each value set flush right at its given edge.
    private static IEnumerable<LayoutWord> StatementRow(double labelLeft, double baseline, string label, (string Text, double Right)[] values) =>
        (label.Length > 0 ? Phrase(label, labelLeft, baseline) : []).Concat(values.SelectMany(v => Phrase(v.Text, v.Right - v.Text.Length * 5, baseline)));

    [Fact]
    public void A_statement_ruled_above_its_subtotals_keeps_the_rows_beyond_its_first_and_last_rule()
    {
        var words = new List<LayoutWord>();
        void Row(double baseline, string label, params (string Text, double Right)[] values) => words.AddRange(StatementRow(72, baseline, label, values));
        Row(100, "", ("Year Ended", 400), ("June 30,", 445));
        Row(116, "", ("2023", 400), ("2022", 500));
        Row(132, "Revenue", ("$", 340), ("211,915", 400), ("$", 440), ("198,270", 500));
        Row(148, "Cost of revenue", ("65,863", 400), ("62,650", 500));
        Row(166, "Gross margin", ("146,052", 400), ("135,620", 500));
        Row(182, "Expenses", ("57,529", 400), ("52,237", 500));
        Row(200, "Net income", ("$", 340), ("72,361", 400), ("$", 440), ("72,738", 500));
        words.AddRange(Phrase("Refer to the accompanying notes, which are part of these statements.", 72, 240));
        Ruling Rule(double y) => new(72, y, 500, y);
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [Rule(154), Rule(188)]), Lines(words)));
        Assert.Equal(
            [["", "Year Ended June 30,", ""], ["", "2023", "2022"], ["Revenue", "$ 211,915", "$ 198,270"], ["Cost of revenue", "65,863", "62,650"],
             ["Gross margin", "146,052", "135,620"], ["Expenses", "57,529", "52,237"], ["Net income", "$ 72,361", "$ 72,738"]],
            Rows(region.Table));
        Assert.DoesNotContain(region.Words, w => w.Text == "Refer");
    }

    [Fact]
    public void A_statement_in_a_column_beside_running_text_keeps_its_column_heads_above_the_first_rule()
    {
        var words = new List<LayoutWord>();
        void Row(double baseline, string label, params (string Text, double Right)[] values) => words.AddRange(StatementRow(320, baseline, label, values));
        // A column of prose on the left whose lines share the table's baselines.
        for (var i = 0; i < 8; i++) words.AddRange(Phrase("the outlook for the year ahead remains good", 40, 100 + 12 * i));
        Row(100, "", ("2024", 450), ("2025e", 510), ("2026e", 570));
        Row(112, "Revenue", ("275.5", 450), ("295.6", 510), ("319.4", 570));
        Row(124, "EBITA", ("8.8", 450), ("10.3", 510), ("12.2", 570));
        Row(136, "Net income", ("4.4", 450), ("5.6", 510), ("7.1", 570));
        Row(148, "EPS (adj.)", ("0.43", 450), ("0.63", 510), ("0.80", 570));
        Ruling Rule(double y) => new(320, y, 580, y);
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [Rule(104), Rule(116), Rule(128), Rule(140), Rule(152)]), Lines(words)));
        Assert.Equal(["", "2024", "2025e", "2026e"], Rows(region.Table)[0]);
        Assert.Equal(5, region.Table.RowCount);
        Assert.DoesNotContain(region.Words, w => w.Text == "outlook");
    }

    [Fact]
    public void A_column_of_currency_signs_is_folded_into_the_amounts_after_it()
    {
        var table = new Table(2, 3, [new(0, 0, "Revenue"), new(0, 1, "$"), new(0, 2, "211,915"), new(1, 0, "Costs"), new(1, 2, "65,863")]);
        var merged = UnitColumns.Merge(table);
        Assert.Equal([["Revenue", "$ 211,915"], ["Costs", "65,863"]], Rows(merged));
    }

    [Fact]
    public void Two_blocks_of_text_side_by_side_are_not_a_table_but_labels_and_values_are()
    {
        var blocks = new Table(3, 2, [new(0, 0, "14 Harbour Road"), new(0, 1, "Invoice INV-0178"), new(1, 0, "Bristol"), new(1, 1, "Due in thirty days"), new(2, 0, "United Kingdom"), new(2, 1, "Acme Widgets")]);
        var fields = new Table(2, 2, [new(0, 0, "Title:"), new(0, 1, "Adaptive sampling"), new(1, 0, "Session:"), new(1, 1, "Signal Processing II")]);
        var totals = new Table(2, 2, [new(0, 0, "Subtotal"), new(0, 1, "232.00"), new(1, 0, "VAT 20%"), new(1, 1, "46.40")]);
        Assert.False(TableShape.HasKeyOrValueColumn(blocks));
        Assert.True(TableShape.HasKeyOrValueColumn(fields));
        Assert.True(TableShape.HasKeyOrValueColumn(totals));
    }
}
