using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class HtmlExporterTests
{
    private static string Html(params Block[] blocks) => Render(OutputFormat.Html, Of(blocks));

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Writes_a_standalone_utf8_page_titled_by_the_file_name()
    {
        var html = Html(Para("x"));
        Assert.StartsWith("<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n", html);
        Assert.EndsWith("</body>\n</html>\n", html);
        var doc = Parse(html);
        Assert.Equal("sample.pdf", doc.Title);
        Assert.NotNull(doc.QuerySelector("head > style"));
    }

    [Fact]
    public void The_title_comes_from_metadata_and_is_encoded()
    {
        var doc = Of(Para("x")) with { Metadata = new DocumentMetadata { FileName = "a.pdf", FileKind = FileKind.Pdf, Title = "<b>Q&A</b>" } };
        var html = Render(OutputFormat.Html, doc);
        Assert.Contains("<title>&lt;b&gt;Q&amp;A&lt;/b&gt;</title>", html);
        Assert.Equal("<b>Q&A</b>", Parse(html).Title);
    }

    [Fact]
    public void Text_is_encoded_so_a_script_stays_text()
    {
        const string text = "<script>alert('x')</script> & \"more\" é";
        var html = Html(Para(text, page: 2));
        Assert.Contains("<p data-page=\"2\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; é</p>\n", html);
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Equal(text, doc.QuerySelector("body > p")!.TextContent);
    }

    [Fact]
    public void Spans_become_strong_em_code_links_and_maths_with_the_text_still_encoded()
    {
        // "Bold <b> & italic code link x^2" with each part marked; the text around and inside is encoded.
        const string text = "Bold <b> & italic code link x^2\nnext";
        var spans = new InlineSpan[]
        {
            new(0, 8, InlineStyle.Bold),
            new(11, 6, InlineStyle.Italic),
            new(18, 4, InlineStyle.Code | InlineStyle.Bold),
            new(23, 4, InlineStyle.Link, "https://example.com/?a=1&b=\"2\""),
            new(28, 3, InlineStyle.Math),
        };
        var html = Html(Para(text) with { Spans = spans });
        Assert.Contains("<p data-page=\"1\"><strong>Bold &lt;b&gt;</strong> &amp; <em>italic</em> <strong><code>code</code></strong> "
            + "<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">link</a> <span class=\"math\">x^2</span><br>\nnext</p>\n", html);
        var p = Parse(html).QuerySelector("body > p")!;
        Assert.Equal(text, p.TextContent);
        Assert.Equal("https://example.com/?a=1&b=\"2\"", p.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void A_link_to_a_script_keeps_its_text_without_the_link(string href)
    {
        var html = Html(Item("click here") with { Spans = [new InlineSpan(0, 5, InlineStyle.Link | InlineStyle.Italic, href)] });
        Assert.Contains("<li><em>click</em> here", html);
        Assert.Empty(Parse(html).QuerySelectorAll("a"));
    }

    [Fact]
    public void Relative_and_fragment_links_are_kept()
    {
        var html = Html(Para("see notes") with { Spans = [new InlineSpan(4, 5, InlineStyle.Link, "/wiki/Duck:Notes#x")] },
            Para("top") with { Spans = [new InlineSpan(0, 3, InlineStyle.Link, "#top")] });
        Assert.Equal(["/wiki/Duck:Notes#x", "#top"], Parse(html).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Headings_paragraphs_and_line_breaks()
    {
        var html = Html(Title("T"), Heading(1, "One"), Heading(2, "Two"), Heading(7, "Deep"), Para("a\nb"));
        Assert.Contains("<h1>T</h1>\n<h2>One</h2>\n<h3>Two</h3>\n<h6>Deep</h6>\n<p data-page=\"1\">a<br>\nb</p>\n", html);
    }

    [Fact]
    public void Lists_nest_inside_their_parent_item()
    {
        var html = Html(Item("a"), Numbered("b", 1), Numbered("c", 1), Item("d"), Item("e", 2), Para("after"));
        const string expected = """
            <ul>
            <li>a
            <ol>
            <li>b</li>
            <li>c</li>
            </ol>
            </li>
            <li>d
            <ul>
            <li>e</li>
            </ul>
            </li>
            </ul>
            <p data-page="1">after</p>

            """;
        Assert.Contains(expected.ReplaceLineEndings("\n"), html);
        var doc = Parse(html);
        Assert.Equal(2, doc.QuerySelectorAll("body > ul > li").Length);
        Assert.Equal(["b", "c"], doc.QuerySelectorAll("body > ul > li:first-child > ol > li").Select(e => e.TextContent));
        Assert.Equal(["e"], doc.QuerySelectorAll("body > ul > li:nth-child(2) > ul > li").Select(e => e.TextContent));
    }

    [Fact]
    public void A_list_at_the_end_and_a_change_of_kind_are_closed()
    {
        var html = Html(Item("a"), Numbered("b"));
        Assert.Contains("<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>\n</body>", html);
    }

    [Fact]
    public void Tables_have_a_head_and_real_spans()
    {
        var html = Html(TableBlock(SpanTable()));
        const string expected = """
            <table data-page="1">
            <thead>
            <tr><th rowspan="2">Region</th><th colspan="2">Sales</th></tr>
            <tr><th>2023</th><th>2024</th></tr>
            </thead>
            <tbody>
            <tr><td rowspan="2">North</td><td>10</td><td>a|b</td></tr>
            <tr><td>20</td><td>30</td></tr>
            </tbody>
            </table>

            """;
        Assert.Contains(expected.ReplaceLineEndings("\n"), html);
        var table = Parse(html).QuerySelector("table")!;
        Assert.Equal(2, table.QuerySelectorAll("thead tr").Length);
        Assert.Equal(2, table.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void A_table_without_headers_has_no_head_and_empty_positions_stay()
    {
        var table = new Table(2, 2, [new TableCell(0, 0, "a"), new TableCell(1, 1, "d")]);
        Assert.Contains("<table data-page=\"1\">\n<tbody>\n<tr><td>a</td><td></td></tr>\n<tr><td></td><td>d</td></tr>\n</tbody>\n</table>\n",
            Html(TableBlock(table)));
    }

    [Fact]
    public void Code_formula_picture_caption_and_footnote()
    {
        var html = Html(Code("if a < b:\n    pass\n", "python"), Role(BlockRole.Formula, "x < y"), Role(BlockRole.Picture),
            Role(BlockRole.Caption, "Figure 1"), Role(BlockRole.Caption, "Loose caption"), Role(BlockRole.Footnote, "1 Note"), Code("plain"));
        const string expected = """
            <pre><code class="language-python">if a &lt; b:
                pass</code></pre>
            <div class="formula">x &lt; y</div>
            <figure data-placeholder="image"><figcaption>Figure 1</figcaption></figure>
            <p class="caption">Loose caption</p>
            <aside class="footnote">1 Note</aside>
            <pre><code>plain</code></pre>

            """;
        Assert.Contains(expected.ReplaceLineEndings("\n"), html);
    }

    [Fact]
    public void Page_furniture_is_left_out_unless_asked_for()
    {
        var doc = Of(Role(BlockRole.PageHeader, "ACME"), Para("Body"), Role(BlockRole.PageFooter, "Page 1"));
        var plain = Render(OutputFormat.Html, doc);
        Assert.DoesNotContain("ACME", plain);
        Assert.DoesNotContain("Page 1", plain);
        var withFurniture = Render(OutputFormat.Html, doc, new ExportOptions { IncludePageFurniture = true });
        Assert.Contains("<div class=\"page-header\">ACME</div>\n<p data-page=\"1\">Body</p>\n<div class=\"page-footer\">Page 1</div>\n", withFurniture);
    }
}
