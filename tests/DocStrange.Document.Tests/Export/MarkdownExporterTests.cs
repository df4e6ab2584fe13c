using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class MarkdownExporterTests
{
    internal static DocumentModel Report() => Of(
        Role(BlockRole.PageHeader, "ACME report"),
        Title("Quarterly report"),
        Heading(1, "Results"),
        Para("Sales rose."),
        Item("Apples"),
        Numbered("Red", 1),
        Numbered("Green", 1),
        Item("Pears"),
        Heading(2, "Details"),
        TableBlock(SpanTable()),
        Code("print(1)", "python"),
        Role(BlockRole.Formula, "a^2 + b^2"),
        Role(BlockRole.Picture),
        Role(BlockRole.Caption, "Figure 1: A chart"),
        Role(BlockRole.Footnote, "1 Source: ACME."),
        Role(BlockRole.PageFooter, "Page 1"));

    private static string Md(params Block[] blocks) => Render(OutputFormat.Markdown, Of(blocks));

    [Fact]
    public void Writes_every_role_of_a_report()
    {
        const string expected = """
            # Quarterly report

            ## Results

            Sales rose.

            - Apples
              1. Red
              2. Green
            - Pears

            ### Details

            | Region | Sales |  |
            | --- | --- | --- |
            |  | 2023 | 2024 |
            | North | 10 | a\|b |
            |  | 20 | 30 |

            ```python
            print(1)
            ```

            $$ a^2 + b^2 $$

            <!-- image -->

            Figure 1: A chart

            1 Source: ACME.

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), Render(OutputFormat.Markdown, Report()));
    }

    [Fact]
    public void Spanned_cells_are_repeated_at_every_position_they_cover_when_asked()
    {
        var markdown = Render(OutputFormat.Markdown, Report(), new ExportOptions { TableSpans = TableSpans.Repeat });
        Assert.Contains("| Region | Sales | Sales |\n| --- | --- | --- |\n| Region | 2023 | 2024 |\n| North | 10 | a\\|b |\n| North | 20 | 30 |", markdown);
    }

    [Fact]
    public void Page_furniture_is_left_out_unless_asked_for()
    {
        var doc = Of(Role(BlockRole.PageHeader, "ACME report"), Para("Body"), Role(BlockRole.PageFooter, "Page 1"));
        Assert.Equal("Body\n", Render(OutputFormat.Markdown, doc));
        Assert.Equal("ACME report\n\nBody\n\nPage 1\n", Render(OutputFormat.Markdown, doc, new ExportOptions { IncludePageFurniture = true }));
    }

    [Fact]
    public void Ordered_items_are_numbered_per_list()
    {
        Assert.Equal("1. a\n2. b\n3. c\n\nx\n\n1. d\n2. e\n",
            Md(Numbered("a"), Numbered("b"), Numbered("c"), Para("x"), Numbered("d"), Numbered("e")));
    }

    [Fact]
    public void Items_with_their_own_numbers_continue_or_restart_their_list()
    {
        static Block N(string text, int number, int level = 0) => Numbered(text, level) with { Number = number };
        // A list continued after a paragraph keeps counting; a restart right after its kind is set apart,
        // at the nesting depth it restarts in.
        Assert.Equal("3. c\n4. d\n\n<!-- -->\n\n1. e\n   1. f\n\n   <!-- -->\n\n   1. g\n",
            Md(N("c", 3), N("d", 4), N("e", 1), N("f", 1, 1), N("g", 1, 1)));
    }

    [Fact]
    public void Nested_items_are_indented_under_their_parents_marker()
    {
        Assert.Equal("- top\n  1. one\n  2. two\n     - deep\n- back\n  1. again\n",
            Md(Item("top"), Numbered("one", 1), Numbered("two", 1), Item("deep", 2), Item("back"), Numbered("again", 1)));
    }

    [Fact]
    public void Children_of_a_two_digit_item_are_indented_four_spaces()
    {
        var items = Enumerable.Range(1, 10).Select(i => Numbered($"n{i}")).Append(Item("child", 1)).ToArray();
        var md = Md(items);
        Assert.EndsWith("9. n9\n10. n10\n    - child\n", md);
    }

    [Fact]
    public void Skipped_levels_nest_one_step_and_a_new_kind_starts_a_new_list()
    {
        Assert.Equal("- a\n  - b\n1. c\n", Md(Item("a"), Item("b", 3), Numbered("c")));
        Assert.Equal("- first\n", Md(Item("first", 2)));
    }

    [Fact]
    public void Headings_are_one_deeper_than_their_level_and_capped_at_six()
    {
        Assert.Equal("# T\n\n## Zero\n\n## One\n\n##### Four\n\n###### Five\n\n###### Nine\n",
            Md(Title("T"), Heading(0, "Zero"), Heading(1, "One"), Heading(4, "Four"), Heading(5, "Five"), Heading(9, "Nine")));
    }

    [Fact]
    public void A_fence_inside_code_gets_a_longer_fence()
    {
        Assert.Equal("````\n```\ninner\n```\n````\n", Md(Code("```\ninner\n```\n")));
        Assert.Equal("```c\nint x;\n```\n", Md(Code("int x;", "c")));
    }

    [Fact]
    public void A_table_without_header_flags_uses_its_first_row_as_header()
    {
        Assert.Equal("| a | b |\n| --- | --- |\n| c | d |\n", Md(TableBlock(Plain("a", "b", "c", "d"))));
    }

    [Fact]
    public void Cell_text_has_pipes_escaped_and_line_breaks_as_spaces()
    {
        Assert.Equal("| x \\| y | two lines |\n| --- | --- |\n| \\*a\\* | \\_b\\_ |\n",
            Md(TableBlock(Plain("x | y", "two\nlines", "*a*", "_b_"))));
    }

    [Fact]
    public void Blank_blocks_and_empty_tables_are_skipped_and_an_empty_document_is_empty()
    {
        Assert.Equal("", Md());
        Assert.Equal("a\n\nb\n", Md(Para("a"), Para("  "), TableBlock(new Table(0, 0, [])), Para("b")));
    }

    [Theory]
    [InlineData("Issue #", "## Issue \\#")]
    [InlineData("C#", "## C#")]
    [InlineData("#", "## \\#")]
    [InlineData("a *b*", "## a \\*b\\*")]
    public void Heading_text_is_escaped(string text, string expected)
    {
        Assert.Equal(expected + "\n", Md(Heading(1, text)));
    }

    [Theory]
    [InlineData("- dash", "- \\- dash")]
    [InlineData("[x] done", "- \\[x] done")]
    [InlineData("1. one", "- 1\\. one")]
    public void List_item_text_that_looks_like_markup_is_escaped(string text, string expected)
    {
        Assert.Equal(expected + "\n", Md(Item(text)));
    }
}
