using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

/// <summary>Layout of the hand-made PDFs (see Fixtures/make_pdf_fixtures.py): tables, columns, furniture, footnotes, code, lists.</summary>
public class PdfLayoutTests
{
    private static Task<DocumentModel> Convert(string fixture) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(TestData.Bytes(fixture)), new ConversionRequest(fixture, FileKind.Pdf, ConversionOptions.Default));

    [Fact]
    public async Task A_ruled_table_keeps_its_spans_and_header_rows()
    {
        var document = await Convert("pdf/ruled_table.pdf");
        var table = Assert.Single(document.Tables);
        Assert.Equal((5, 3), (table.RowCount, table.ColumnCount));
        Assert.Equal(
        [
            new TableCell(0, 0, "Region", RowSpan: 2, IsHeader: true),
            new TableCell(0, 1, "Sales", ColumnSpan: 2, IsHeader: true),
            new TableCell(1, 1, "2023", IsHeader: true),
            new TableCell(1, 2, "2024", IsHeader: true),
        ], table.Cells.Take(4));
        Assert.Equal(["North", "10", "12", "South", "8", "9", "East", "7", "11"], table.Cells.Skip(4).Select(c => c.Text));
        Assert.Equal(BlockRole.Caption, document.Blocks[2].Role);
        Assert.Equal(BlockRole.Table, document.Blocks[3].Role);
    }

    [Fact]
    public async Task A_table_without_rulings_is_found_by_its_columns()
    {
        var document = await Convert("pdf/borderless_table.pdf");
        var table = Assert.Single(document.Tables);
        Assert.Equal((6, 3), (table.RowCount, table.ColumnCount));
        Assert.Equal(["Item", "Quantity", "Unit price"], table.Cells.Where(c => c.IsHeader).Select(c => c.Text));
        Assert.Equal(["Cable ties, black", "100", "0.02"], table.Cells.Where(c => c.Row == 5).Select(c => c.Text));
        Assert.StartsWith("All parts come", document.Blocks[^1].Text);
    }

    [Fact]
    public async Task Columns_are_read_in_turn_and_running_heads_and_page_numbers_are_furniture()
    {
        var document = await Convert("pdf/report_with_columns.pdf");
        var furniture = document.Blocks.Where(b => b.Role is BlockRole.PageHeader or BlockRole.PageFooter).Select(b => (b.Role, b.Text, b.Provenance!.Page));
        Assert.Equal(
        [
            (BlockRole.PageHeader, "ACME Annual Report 2024", 1), (BlockRole.PageFooter, "Page 1 of 3", 1),
            (BlockRole.PageHeader, "ACME Annual Report 2024", 2), (BlockRole.PageFooter, "Page 2 of 3", 2),
            (BlockRole.PageHeader, "ACME Annual Report 2024", 3), (BlockRole.PageFooter, "Page 3 of 3", 3),
        ], furniture);
        var texts = document.Blocks.Where(b => b.Role == BlockRole.Paragraph).Select(b => b.Text).ToList();
        var left = texts.FindIndex(t => t.EndsWith("Part 2 of the left column ends here."));
        var right = texts.FindIndex(t => t.EndsWith("Part 2 of the right column ends here."));
        Assert.True(left >= 0 && right == left + 1, string.Join(" | ", texts));
    }

    [Fact]
    public async Task The_title_footnote_and_superscript_mark_are_told_apart()
    {
        var document = await Convert("pdf/report_with_columns.pdf");
        Assert.Equal((BlockRole.Title, "Annual Report"), (document.Blocks[1].Role, document.Blocks[1].Text));
        Assert.Contains(document.Blocks, b => b.Role == BlockRole.Paragraph && b.Text == "Revenue reached 12 million 1 by December.");
        var note = Assert.Single(document.Blocks, b => b.Role == BlockRole.Footnote);
        Assert.Equal("1 Figures are unaudited and rounded to the nearest million.", note.Text);
    }

    [Fact]
    public async Task Fixed_pitch_lines_are_one_code_block_with_their_indents_and_blank_line()
    {
        var document = await Convert("pdf/code_listing.pdf");
        var code = Assert.Single(document.Blocks, b => b.Role == BlockRole.Code);
        Assert.Equal("function add(a, b) {\n    return a + b;\n}\n\nconsole.log(add(3, 5));", code.Text);
        Assert.Equal(BlockRole.Caption, document.Blocks[3].Role);
    }

    [Fact]
    public async Task List_items_nest_by_indent()
    {
        var document = await Convert("pdf/nested_list.pdf");
        Assert.Equal(
            [("Clothes", 0), ("Two shirts", 1), ("A warm jacket", 1), ("Documents", 0), ("Passport", 1), ("A copy of the passport", 2), ("Snacks for the trip", 0)],
            document.Blocks.Where(b => b.Role == BlockRole.ListItem).Select(b => (b.Text, b.Level)));
    }

    [Fact]
    public async Task A_table_ruled_only_above_below_and_under_its_header_has_a_row_per_line()
    {
        var document = await Convert("pdf/paper_with_rule_table.pdf");
        var table = Assert.Single(document.Tables);
        Assert.Equal((4, 4), (table.RowCount, table.ColumnCount));
        Assert.Equal(["Reports", "840", "19.0", "44"], table.Cells.Where(c => c.Row == 2).Select(c => c.Text));
        var texts = document.Blocks.Select(b => b.Text).ToList();
        Assert.True(texts.FindIndex(t => t.StartsWith("Section 2 describes")) < texts.FindIndex(t => t.StartsWith("The table below lists")));
    }
}
