using AngleSharp.Html.Parser;
using DocStrange.Document.Export;
using Markdig;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

/// <summary>Plain text must come back as the same text from a Markdown reader, with as few backslashes as possible.</summary>
public class MarkdownEscapingTests
{
    // GitHub-flavoured: pipe tables, task lists, strikethrough, autolinks.
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder()
        .UsePipeTables().UseTaskLists().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    public static TheoryData<string, string> Cases => new()
    {
        { "# not a heading", "\\# not a heading" },
        { "> not a quote", "\\> not a quote" },
        { "- not a list", "\\- not a list" },
        { "+ plus", "\\+ plus" },
        { "* star", "\\* star" },
        { "1. not ordered", "1\\. not ordered" },
        { "2024) a year", "2024\\) a year" },
        { "1.5 stays", "1.5 stays" },
        { "snake_case_name stays", "snake_case_name stays" },
        { "_emphasis_", "\\_emphasis\\_" },
        { "__init__", "\\_\\_init\\_\\_" },
        { "a * b _ c", "a * b _ c" },
        { "a *b* c", "a \\*b\\* c" },
        { "use `code`", "use \\`code\\`" },
        { "[text](target)", "[text\\](target)" },
        { "[ref]: target", "[ref\\]: target" },
        { "see [1] and [2]", "see [1] and [2]" },
        { "<script>alert(1)</script>", "\\<script>alert(1)\\</script>" },
        { "a < b > c", "a < b > c" },
        { "AT&T &amp; &#65; co", "AT&T \\&amp; \\&#65; co" },
        { "50% ~~off~~", "50% \\~\\~off\\~\\~" },
        { "x | y", "x \\| y" },
        { "---", "\\---" },
        { "***", "\\*\\*\\*" },
        { "path\\to", "path\\to" },
        { "a\\*b", "a\\\\\\*b" },
        { "ends with \\", "ends with \\\\" },
        { "[ ] todo", "\\[ ] todo" },
        { "C# and F#", "C# and F#" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Paragraph_text_is_escaped_only_where_it_would_be_markup(string text, string expected)
    {
        Assert.Equal(expected + "\n", Render(OutputFormat.Markdown, Of(Para(text))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_markdown_reader_gets_the_text_back(string text, string _)
    {
        var html = Markdown.ToHtml(Render(OutputFormat.Markdown, Of(Para(text))), Gfm);
        var body = new HtmlParser().ParseDocument(html).Body!;
        Assert.Single(body.Children);
        Assert.Equal("P", body.Children[0].TagName);
        Assert.Equal(text, body.Children[0].TextContent);
    }

    [Fact]
    public void Each_line_of_a_paragraph_is_escaped_and_blank_lines_dropped()
    {
        Assert.Equal("line one\n\\# two\n\\- three\n===x\n",
            Render(OutputFormat.Markdown, Of(Para("line one\r\n# two\n\n  - three\n===x"))));
        Assert.Equal("a\n\\===\n", Render(OutputFormat.Markdown, Of(Para("a\n==="))));
    }

    [Fact]
    public void A_markdown_reader_sees_the_structure_of_a_report()
    {
        var html = Markdown.ToHtml(Render(OutputFormat.Markdown, MarkdownExporterTests.Report()), Gfm);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Quarterly report", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Results"], doc.QuerySelectorAll("h2").Select(e => e.TextContent));
        Assert.Equal(["Details"], doc.QuerySelectorAll("h3").Select(e => e.TextContent));
        Assert.Equal(2, doc.QuerySelectorAll("body > ul > li").Length);
        Assert.Equal(["Red", "Green"], doc.QuerySelectorAll("body > ul > li > ol > li").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Region", "Sales", ""], doc.QuerySelectorAll("table thead th").Select(e => e.TextContent));
        var rows = doc.QuerySelectorAll("table tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToArray();
        Assert.Equal([["", "2023", "2024"], ["North", "10", "a|b"], ["", "20", "30"]], rows);
        Assert.Equal("print(1)\n", doc.QuerySelector("pre > code.language-python")!.TextContent);
    }
}
