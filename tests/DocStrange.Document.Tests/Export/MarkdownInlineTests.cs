using System.Text.Json;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

/// <summary>Inline spans in Markdown, and in the JSON export against its schema.</summary>
public class MarkdownInlineTests
{
    private static Block Spanned(string text, params InlineSpan[] spans) =>
        new() { Role = BlockRole.Paragraph, Text = text, Spans = spans, Provenance = new Provenance(1) };

    private static string Md(Block block) => Render(OutputFormat.Markdown, Of(block));

    [Fact]
    public void Emphasis_code_links_and_maths_get_their_markup()
    {
        var block = Spanned("bold italic both code link x^2",
            new InlineSpan(0, 4, InlineStyle.Bold), new InlineSpan(5, 6, InlineStyle.Italic), new InlineSpan(12, 4, InlineStyle.Bold | InlineStyle.Italic),
            new InlineSpan(17, 4, InlineStyle.Code), new InlineSpan(22, 4, InlineStyle.Link, "https://example.com/a b"), new InlineSpan(27, 3, InlineStyle.Math));
        Assert.Equal("**bold** *italic* ***both*** `code` [link](https://example.com/a%20b) $x^2$\n", Md(block));
    }

    [Fact]
    public void Struck_text_gets_tildes_nested_inside_emphasis()
    {
        var block = Spanned("gone bold gone", new InlineSpan(0, 4, InlineStyle.Strikethrough), new InlineSpan(5, 9, InlineStyle.Bold | InlineStyle.Strikethrough));
        Assert.Equal("~~gone~~ **~~bold gone~~**\n", Md(block));
        Assert.Contains("<strong><del>bold gone</del></strong>", Render(OutputFormat.Html, Of(block)));
    }

    [Fact]
    public void Raised_and_lowered_text_is_written_as_sup_and_sub_so_an_exponent_is_not_a_digit_run_on()
    {
        var block = Spanned("x2 + H2O and note1 cited[4]", new InlineSpan(1, 1, InlineStyle.Superscript), new InlineSpan(6, 1, InlineStyle.Subscript),
            new InlineSpan(17, 1, InlineStyle.Superscript | InlineStyle.Bold), new InlineSpan(24, 3, InlineStyle.Superscript));
        // A bracketed reference reads apart without the tags.
        Assert.Equal("x<sup>2</sup> + H<sub>2</sub>O and note<sup>**1**</sup> cited[4]\n", Md(block));
        Assert.Contains("x<sup>2</sup> + H<sub>2</sub>O and note<strong><sup>1</sup></strong>", Render(OutputFormat.Html, Of(block)));
        Assert.Contains("\"superscript\"", Render(OutputFormat.Json, Of(block)));
    }

    [Fact]
    public void Whitespace_at_span_edges_moves_outside_the_markers()
    {
        Assert.Equal("a **b** c\n", Md(Spanned("a b c", new InlineSpan(1, 3, InlineStyle.Bold))));
    }

    [Fact]
    public void Emphasis_that_would_not_parse_is_left_out()
    {
        // "x(y)z": emphasis around "(y)" between letters is not left- and right-flanking (CommonMark §6.2).
        Assert.Equal("x(y)z\n", Md(Spanned("x(y)z", new InlineSpan(1, 3, InlineStyle.Bold))));
    }

    [Fact]
    public void Link_text_brackets_and_markup_characters_are_escaped()
    {
        Assert.Equal("See [\\[1\\]](#cite-1) and a\\*b\n", Md(Spanned("See [1] and a*b", new InlineSpan(4, 3, InlineStyle.Link, "#cite-1"))));
    }

    [Fact]
    public void Code_spans_fence_around_backticks_and_keep_text_raw()
    {
        Assert.Equal("run ``a`b*c`` now\n", Md(Spanned("run a`b*c now", new InlineSpan(4, 5, InlineStyle.Code))));
    }

    [Fact]
    public void A_line_that_would_start_a_list_is_escaped_before_the_first_span()
    {
        Assert.Equal("1\\. is **first**\n", Md(Spanned("1. is first", new InlineSpan(6, 5, InlineStyle.Bold))));
    }

    [Fact]
    public void Line_breaks_become_spaces_and_list_items_keep_their_spans()
    {
        var item = new Block { Role = BlockRole.ListItem, Text = "see\nthe docs", Spans = [new InlineSpan(8, 4, InlineStyle.Link, "https://d")], Provenance = new Provenance(1) };
        Assert.Equal("- see the [docs](https://d)\n", Md(item));
    }

    [Fact]
    public void Json_writes_spans_and_hidden_pages_as_the_schema_says()
    {
        var document = Of(Spanned("a link", new InlineSpan(2, 4, InlineStyle.Link | InlineStyle.Bold, "https://x"))) with { Pages = [new PageInfo(1) { Hidden = true }, new PageInfo(2) { LayoutFallback = true }] };
        using var json = JsonDocument.Parse(Render(OutputFormat.Json, document));
        var span = json.RootElement.GetProperty("blocks")[0].GetProperty("spans")[0];
        Assert.Equal("""{"start":2,"length":4,"style":["bold","link"],"href":"https://x"}""", JsonSerializer.Serialize(span));
        Assert.True(json.RootElement.GetProperty("pages")[0].GetProperty("hidden").GetBoolean());
        Assert.False(json.RootElement.GetProperty("pages")[0].TryGetProperty("layout_fallback", out _));
        Assert.True(json.RootElement.GetProperty("pages")[1].GetProperty("layout_fallback").GetBoolean());
        Assert.Empty(PublishedSchemaTests.Problems(json.RootElement));
    }
}
