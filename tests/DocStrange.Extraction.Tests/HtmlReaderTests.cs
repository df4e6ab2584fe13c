using System.Text;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

public class HtmlReaderTests
{
    private static Task<DocumentModel> Convert(string html) => Convert(Encoding.UTF8.GetBytes(html));

    private static Task<DocumentModel> Convert(byte[] bytes) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(bytes), new ConversionRequest("page.html", FileKind.Html, ConversionOptions.Default));

    [Fact]
    public async Task H1_is_the_title_and_lower_headings_count_from_level_one()
    {
        var document = await Convert("<h1>T</h1><h2>A</h2><h3>B</h3><h6>F</h6>");
        Assert.Equal([(BlockRole.Title, 0, "T"), (BlockRole.Heading, 1, "A"), (BlockRole.Heading, 2, "B"), (BlockRole.Heading, 5, "F")],
            document.Blocks.Select(b => (b.Role, b.Level, b.Text)));
    }

    [Fact]
    public async Task Struck_elements_are_marked_as_struck()
    {
        var document = await Convert("<p>keep <s>old</s> <del>removed</del> <strike>gone</strike> <b>new</b></p>");
        var block = Assert.Single(document.Blocks);
        Assert.Equal(
            [("old", InlineStyle.Strikethrough), ("removed", InlineStyle.Strikethrough), ("gone", InlineStyle.Strikethrough), ("new", InlineStyle.Bold)],
            block.Spans!.Select(s => (block.Text.Substring(s.Start, s.Length), s.Style)));
    }

    [Fact]
    public async Task Sup_and_sub_elements_are_marked_as_raised_and_lowered()
    {
        var document = await Convert("<p>H<sub>2</sub>O and x<sup>2</sup></p>");
        var block = Assert.Single(document.Blocks);
        Assert.Equal("H2O and x2", block.Text);
        Assert.Equal([("2", InlineStyle.Subscript), ("2", InlineStyle.Superscript)], block.Spans!.Select(s => (block.Text.Substring(s.Start, s.Length), s.Style)));
    }

    [Fact]
    public async Task Hidden_and_non_content_elements_are_dropped()
    {
        var document = await Convert("""
            <body><script>var a = "script";</script><style>p{}</style><noscript>noscript</noscript>
            <template><p>template</p></template><nav>nav</nav>
            <p hidden>hidden</p><div style="DISPLAY : none">styled</div><div style="visibility:hidden">invisible</div>
            <span aria-hidden="true">aria</span><p>kept <span hidden>not this</span>text</p>
            """);
        Assert.Equal(["kept text"], document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task Nested_lists_keep_their_depth_and_kind()
    {
        var document = await Convert("<ul><li>a<ol><li>b<ul><li>c</li></ul></li></ol></li><li>d</li></ul>");
        Assert.Equal([("a", 0, false), ("b", 1, true), ("c", 2, false), ("d", 0, false)],
            document.Blocks.Select(b => (b.Text, b.Level, b.Ordered)));
        Assert.All(document.Blocks, b => Assert.Equal(BlockRole.ListItem, b.Role));
    }

    [Fact]
    public async Task Table_spans_and_header_cells_are_kept()
    {
        var document = await Convert("""
            <table><thead><tr><th rowspan="2">R</th><th colspan="2">S</th></tr><tr><td>a</td><td>b</td></tr></thead>
            <tbody><tr><td>1</td><td colspan="2">wide</td></tr></tbody></table>
            """);
        var table = Assert.Single(document.Tables);
        Assert.Equal((3, 3), (table.RowCount, table.ColumnCount));
        Assert.Contains(new TableCell(0, 0, "R", RowSpan: 2, IsHeader: true), table.Cells);
        Assert.Contains(new TableCell(0, 1, "S", ColumnSpan: 2, IsHeader: true), table.Cells);
        Assert.Contains(new TableCell(1, 1, "a", IsHeader: true), table.Cells);
        Assert.Contains(new TableCell(2, 1, "wide", ColumnSpan: 2), table.Cells);
        Assert.Equal(2, table.HeaderRowCount());
    }

    [Fact]
    public async Task Cell_spans_past_the_table_budget_cover_only_their_own_position()
    {
        // Each cell would cover a thousand columns down to the end: five million positions from 5 KB.
        var document = await Convert("<table>" + string.Concat(Enumerable.Repeat("<tr><td rowspan=0 colspan=1000>x</td></tr>", 100)) + "</table>");

        var table = Assert.Single(document.Tables);
        Assert.Equal(100, table.Cells.Count(c => c.Text == "x"));
        Assert.InRange(table.Cells.Sum(c => (long)c.RowSpan * c.ColumnSpan), 100, ReaderLimits.MaxHtmlTablePositions);
    }

    [Fact]
    public async Task A_list_in_a_cell_keeps_one_line_per_item_with_its_marker()
    {
        var document = await Convert("""
            <table><tr><td>Before<ul><li>Pond</li><li hidden>gone</li><li> Marsh </li></ul></td>
            <td><ol start="3"><li>Fly</li><li value="7">Nest</li><li>Rest</li></ol></td></tr></table>
            """);
        var table = Assert.Single(document.Tables);
        Assert.Equal(["Before\n- Pond\n- Marsh", "3. Fly\n7. Nest\n8. Rest"], table.Cells.Select(c => c.Text));
    }

    [Fact]
    public async Task Pre_is_code_with_its_line_breaks_and_language()
    {
        var document = await Convert("<pre class=\"lang-sh\">ls -l\n  cd /tmp\n</pre>");
        var block = Assert.Single(document.Blocks);
        Assert.Equal((BlockRole.Code, "ls -l\n  cd /tmp", "sh"), (block.Role, block.Text, block.Language));
    }

    [Fact]
    public async Task Whitespace_is_normalised_and_links_keep_their_text()
    {
        var document = await Convert("<p>  one\n\t two&nbsp;<a href='x'>three</a><br>four  </p>");
        Assert.Equal("one two three four", Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public async Task Blocks_come_from_page_one_without_boxes()
    {
        var document = await Convert("<p>a</p><ul><li>b</li></ul>");
        Assert.All(document.Blocks, b => Assert.Equal(new Provenance(1), b.Provenance));
        Assert.Equal([new PageInfo(1)], document.Pages);
    }

    [Fact]
    public async Task A_byte_order_mark_decides_the_encoding()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<p>Grüße</p>")).ToArray();
        Assert.Equal("Grüße", Assert.Single((await Convert(bytes)).Blocks).Text);
    }

    [Fact]
    public async Task A_meta_charset_decides_the_encoding()
    {
        var bytes = Encoding.Latin1.GetBytes("<meta charset=\"iso-8859-1\"><p>Grüße</p>");
        Assert.Equal("Grüße", Assert.Single((await Convert(bytes)).Blocks).Text);
    }

    [Fact]
    public async Task Undeclared_bytes_that_are_not_utf8_are_read_as_latin1()
    {
        var bytes = Encoding.Latin1.GetBytes("<p>Grüße</p>");
        Assert.Equal("Grüße", Assert.Single((await Convert(bytes)).Blocks).Text);
    }

    [Fact]
    public async Task The_title_element_is_the_metadata_title()
    {
        var document = await Convert("<html><head><title> My  page </title></head><body><p>x</p></body></html>");
        Assert.Equal("My page", document.Metadata.Title);
    }
}
