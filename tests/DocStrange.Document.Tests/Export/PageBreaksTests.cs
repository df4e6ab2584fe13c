using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class PageBreaksTests
{
    private static readonly ExportOptions Marked = new() { PageBreaks = true };

    // Two pages; the second page's first block has no page of its own and so stays on page 1.
    private static DocumentModel TwoPages() => Of(Para("one", page: 1), Role(BlockRole.Paragraph, "loose"), Para("two", page: 2), Para("three", page: 2)) with
    {
        Pages = [new PageInfo(1, 612, 792), new PageInfo(2, 595, 842, Rotation: 90)],
    };

    [Fact]
    public void Markdown_marks_the_start_of_each_page()
    {
        Assert.Equal("<!-- page 1 -->\n\none\n\nloose\n\n<!-- page 2 -->\n\ntwo\n\nthree\n", Render(OutputFormat.Markdown, TwoPages(), Marked));
    }

    [Fact]
    public void Text_marks_the_start_of_each_page_with_a_line()
    {
        Assert.Equal("--- page 1 ---\n\none\n\nloose\n\n--- page 2 ---\n\ntwo\n\nthree\n", Render(OutputFormat.Text, TwoPages(), Marked));
    }

    [Fact]
    public void Html_marks_the_start_of_each_page_with_a_rule()
    {
        var html = Render(OutputFormat.Html, TwoPages(), Marked);
        var first = html.IndexOf("<hr class=\"page-break\" data-page=\"1\">", StringComparison.Ordinal);
        var second = html.IndexOf("<hr class=\"page-break\" data-page=\"2\">", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < html.IndexOf(">one<", StringComparison.Ordinal));
        Assert.True(second > html.IndexOf(">loose<", StringComparison.Ordinal) && second < html.IndexOf(">two<", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_option_nothing_is_marked()
    {
        foreach (var format in new[] { OutputFormat.Markdown, OutputFormat.Text, OutputFormat.Html })
        {
            var output = Render(format, TwoPages());
            Assert.DoesNotContain("page 2", output);
            Assert.DoesNotContain("page-break", output);
        }
    }

    [Fact]
    public void A_list_split_by_a_page_keeps_counting()
    {
        var document = Of(Numbered("a") with { Provenance = new Provenance(1) }, Numbered("b") with { Provenance = new Provenance(2) });
        Assert.Equal("<!-- page 1 -->\n\n1. a\n\n<!-- page 2 -->\n\n2. b\n", Render(OutputFormat.Markdown, document, Marked));
    }
}
