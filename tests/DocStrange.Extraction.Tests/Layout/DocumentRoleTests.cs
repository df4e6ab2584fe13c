using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.DocumentWide;
using DocStrange.Extraction.Layout.Roles;

namespace DocStrange.Extraction.Tests.Layout;

public class DocumentRoleTests
{
    private static Block Text(string text, int page, double top, double bottom) =>
        new() { Role = BlockRole.Paragraph, Text = text, Provenance = new Provenance(page, new BoundingBox(72, top, 540, bottom)) };

    [Fact]
    public void Running_heads_repeat_and_page_numbers_stand_alone()
    {
        var pages = Enumerable.Range(1, 3).Select(n => new PageInfo(n, 612, 792)).ToList();
        var blocks = new List<Block>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            blocks.Add(Text("ACME Report, chapter " + n, n, 30, 40));
            blocks.Add(Text("Body text of page " + n, n, 100, 700));
            blocks.Add(Text(n.ToString(), n, 750, 760));
        }
        var marked = PageFurniture.Mark(blocks, pages);
        Assert.Equal(
            [BlockRole.PageHeader, BlockRole.Paragraph, BlockRole.PageFooter, BlockRole.PageHeader, BlockRole.Paragraph, BlockRole.PageFooter,
             BlockRole.PageHeader, BlockRole.Paragraph, BlockRole.PageFooter],
            marked.Select(b => b.Role));
    }

    [Fact]
    public void Text_near_the_top_that_does_not_repeat_is_body_text()
    {
        var pages = new[] { new PageInfo(1, 612, 792), new PageInfo(2, 612, 792) };
        var blocks = new[] { Text("A heading on page one", 1, 40, 60), Text("Body", 1, 100, 700), Text("Another heading", 2, 40, 60), Text("Body", 2, 100, 700) };
        Assert.All(PageFurniture.Mark(blocks, pages), b => Assert.Equal(BlockRole.Paragraph, b.Role));
    }

    [Theory]
    [InlineData("Figure 3: Sales by year", true)]
    [InlineData("Fig. 2a. Detail", true)]
    [InlineData("Table 2-1   FUNCTION_USAGE view", true)]
    [InlineData("Listing 1: A small function", true)]
    [InlineData("Figure 3 shows the sales by year", false)]
    [InlineData("Tables are useful", false)]
    public void Captions_are_told_by_their_label(string text, bool caption) => Assert.Equal(caption, CaptionPrefix.IsCaption(text));

    [Theory]
    [InlineData("(a) first", true, true, "first")]
    [InlineData("b) second", true, true, "second")]
    [InlineData("iv. fourth", true, true, "fourth")]
    [InlineData("e.g. this is not a list", false, false, "e.g. this is not a list")]
    public void Letters_and_roman_numerals_mark_list_items(string line, bool isItem, bool ordered, string rest)
    {
        Assert.Equal(isItem, ListMarkers.TryMatch(line, out var o, out var r));
        Assert.Equal((ordered, rest), (o, r));
    }

    [Theory]
    [InlineData("2.1.3 Scope of the work", 3)]
    [InlineData("5.1 Hyper Parameter Optimization", 2)]
    [InlineData("A.2 Appendix detail", 2)]
    [InlineData("A Glimpse Into the Future", 1)]
    public void A_section_number_sets_the_heading_level(string text, int level)
    {
        var statistics = new FontSizeStatistics();
        statistics.Add(new DocStrange.Extraction.Layout.LayoutLine("body text of the document", new BoundingBox(0, 0, 100, 10), 10, false));
        Assert.Equal(level, HeadingRule.Level(text, 20, statistics));
    }
}
