using System.Text;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

public class MarkdownReaderTests
{
    private static Task<DocumentModel> Convert(string markdown) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(Encoding.UTF8.GetBytes(markdown)), new ConversionRequest("doc.md", FileKind.Markdown, ConversionOptions.Default));

    [Fact]
    public async Task One_hash_is_the_title_and_more_hashes_count_from_level_one()
    {
        var document = await Convert("# T\n\n## A\n\nSetext\n======\n\nSub\n---\n\n###### F\n");
        Assert.Equal([(BlockRole.Title, "T", 0), (BlockRole.Heading, "A", 1), (BlockRole.Title, "Setext", 0), (BlockRole.Heading, "Sub", 1), (BlockRole.Heading, "F", 5)],
            document.Blocks.Select(b => (b.Role, b.Text, b.Level)));
        Assert.Equal("T", document.Metadata.Title);
    }

    [Fact]
    public async Task Inline_markup_is_reduced_to_text()
    {
        var document = await Convert("Some **bold** _em_ `code` [link](http://x) <b>tag</b> ~~gone~~ &copy;\nnext line\n");
        Assert.Equal("Some bold em code link tag gone © next line", Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public async Task Lists_keep_nesting_and_order()
    {
        var document = await Convert("- a\n  1. b\n  2. c\n- d\n");
        Assert.Equal([("a", 0, false), ("b", 1, true), ("c", 1, true), ("d", 0, false)],
            document.Blocks.Select(b => (b.Text, b.Level, b.Ordered)));
    }

    [Fact]
    public async Task Fenced_code_keeps_lines_and_language()
    {
        var block = Assert.Single((await Convert("```rust extra\nfn main() {\n    x();\n}\n```\n")).Blocks);
        Assert.Equal((BlockRole.Code, "rust", "fn main() {\n    x();\n}"), (block.Role, block.Language, block.Text));
    }

    [Fact]
    public async Task Pipe_tables_become_tables_with_a_header_row()
    {
        var table = Assert.Single((await Convert("| a | b |\n|---|---|\n| 1 | **2** |\n")).Tables);
        Assert.Equal((2, 2, 1), (table.RowCount, table.ColumnCount, table.HeaderRowCount()));
        Assert.Contains(new TableCell(1, 1, "2"), table.Cells);
    }

    [Fact]
    public async Task Quotes_give_paragraphs_and_breaks_and_front_matter_are_dropped()
    {
        var document = await Convert("---\ntitle: x\n---\n> quoted\n\n***\n\nafter\n");
        Assert.Equal([(BlockRole.Paragraph, "quoted"), (BlockRole.Paragraph, "after")], document.Blocks.Select(b => (b.Role, b.Text)));
    }
}
