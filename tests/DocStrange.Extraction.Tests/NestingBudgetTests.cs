using System.Text;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Html;
using DocStrange.Extraction.Formats.Markdown;

namespace DocStrange.Extraction.Tests;

/// <summary>HTML and Markdown nested far past <see cref="ReaderLimits"/>: flattened, in time linear in their size, with every word kept.</summary>
public class NestingBudgetTests
{
    private static Task<DocumentModel> Convert(string text, FileKind kind) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)),
            new ConversionRequest(kind == FileKind.Html ? "page.html" : "doc.md", kind, ConversionOptions.Default));

    private static IEnumerable<string> Words(DocumentModel document) =>
        document.Blocks.SelectMany(b => b.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> Numbered(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}{i}");

    [Fact]
    public async Task Html_within_the_budget_keeps_the_space_between_inline_elements()
    {
        var document = await Convert("<html><body><p>The <a href=\"x\">family</a> <a href=\"y\">Anatidae</a> and <i>dūce</i> <b>x</b></p></body></html>", FileKind.Html);
        Assert.Equal("The family Anatidae and dūce x", string.Join("|", document.Blocks.Select(b => b.Text)));
    }

    [Fact]
    public async Task Html_divs_nested_past_the_budget_are_flattened_into_the_deepest_one_keeping_every_word()
    {
        // AngleSharp alone stops the tree at 512 levels but took 30 s on 50,000 open divs: its stack is not bounded.
        var html = string.Concat(Numbered("<div>w", 20_000).Select(d => d + " ")) + "</div>";
        var document = await Convert(html, FileKind.Html);

        Assert.True(document.Blocks.Count <= ReaderLimits.MaxHtmlOpenElements, $"{document.Blocks.Count} blocks");
        Assert.Equal(Numbered("w", 20_000), Words(document));
    }

    [Fact]
    public async Task Html_lists_nested_past_the_budget_become_items_of_the_deepest_list()
    {
        var document = await Convert(string.Concat(Numbered("<ul><li>i", 5_000).Select(d => d + " ")), FileKind.Html);

        Assert.All(document.Blocks, b => Assert.Equal(BlockRole.ListItem, b.Role));
        Assert.InRange(document.Blocks.Max(b => b.Level), 100, ReaderLimits.MaxHtmlOpenElements / 2);
        Assert.Equal(Numbered("i", 5_000), Words(document));
    }

    [Fact]
    public async Task Html_end_tags_of_elements_left_out_are_left_out_too()
    {
        const int depth = ReaderLimits.MaxHtmlOpenElements + 50;
        var html = "<div id=outer>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</div>", depth))
            + "<p>inside</p></div><p>after</p>";
        using var parsed = HtmlParsing.Parse(html);

        // The outer div is still open for "inside": the end tags of the divs left out did not close it.
        Assert.Equal("inside", parsed.QuerySelector("#outer > p")?.TextContent);
        Assert.Equal(["deep", "inside", "after"], Words(await Convert(html, FileKind.Html)));
    }

    [Fact]
    public void Html_formatting_reopened_after_every_block_is_forgotten_once_it_outnumbers_the_page()
    {
        // 32 distinct unclosed <b> are reopened inside every later <div>: 330,000 elements from 130 KB without the budget.
        var html = string.Concat(Numbered("<div><b id=", 32).Select(b => b + ">x</div>")) + string.Concat(Enumerable.Repeat("<div>x</div>", 10_000));
        using var parsed = HtmlParsing.Parse(html);

        Assert.InRange(parsed.All.Length, 10_000, 100_000);
        Assert.Equal(10_032, parsed.QuerySelectorAll("div").Length);
    }

    [Fact]
    public async Task Markdown_list_indented_deeper_on_every_line_keeps_every_item_within_the_budget()
    {
        // Markdig refused this (depth limit) after a time that grew with the cube of the depth.
        var markdown = string.Join('\n', Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + $"- i{i}"));
        var document = await Convert(markdown, FileKind.Markdown);

        Assert.All(document.Blocks, b => Assert.Equal(BlockRole.ListItem, b.Role));
        Assert.Equal(ReaderLimits.MaxMarkdownNestingDepth, document.Blocks.Max(b => b.Level));
        Assert.Equal(Numbered("i", 1_000), Words(document));
    }

    [Fact]
    public async Task Markdown_quotes_nested_past_the_budget_join_the_deepest_quote()
    {
        var markdown = string.Join('\n', Enumerable.Range(0, 1_000).Select(i => string.Concat(Enumerable.Repeat("> ", i)) + $"q{i}"));
        var document = await Convert(markdown, FileKind.Markdown);

        Assert.Equal(Numbered("q", 1_000), Words(document));
    }

    [Fact]
    public async Task Markdown_list_markers_on_one_line_past_the_budget_leave_one_item_at_the_deepest_level()
    {
        var document = await Convert(string.Concat(Enumerable.Repeat("- ", 1_000)) + "x\n\nafter\n", FileKind.Markdown);

        Assert.Equal(("x", ReaderLimits.MaxMarkdownNestingDepth), (document.Blocks[^2].Text, document.Blocks[^2].Level));
        Assert.Equal(("after", BlockRole.Paragraph), (document.Blocks[^1].Text, document.Blocks[^1].Role));
    }

    [Fact]
    public void Markdown_lines_within_the_budget_are_left_alone_and_deeper_ones_lose_only_their_deepest_markers()
    {
        const string shallow = "> quote\n- a\n  - b\n\n      code\n";
        Assert.Same(shallow, MarkdownNesting.Limit(shallow, 4));

        Assert.Equal("> > q\r\n", MarkdownNesting.Limit("> > > > q\r\n", 2));
        Assert.Equal("- - 1. x", MarkdownNesting.Limit("- - - - 1. x", 2));
        Assert.Equal("     - x", MarkdownNesting.Limit("          - x", 2));
        Assert.Equal("    code", MarkdownNesting.Limit("    \t\t\tcode", 3));
    }
}
