using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.DocumentWide;

namespace DocStrange.Extraction.Tests.Layout;

public class PageFurnitureTests
{
    private static Block Text(string text, int page, double top, double bottom) =>
        new() { Role = BlockRole.Paragraph, Text = text, Provenance = new Provenance(page, new BoundingBox(72, top, 300, bottom)) };

    private static IReadOnlyList<PageInfo> Pages(int count) => Enumerable.Range(1, count).Select(n => new PageInfo(n, 612, 792)).ToList();

    [Fact]
    public void A_line_repeated_at_the_top_of_pages_with_body_text_is_a_running_head()
    {
        var blocks = Enumerable.Range(1, 3).SelectMany(p => new[] { Text("ACME Annual Report", p, 40, 52), Text($"Body text of page {p}.", p, 300, 312) }).ToList();
        var marked = PageFurniture.Mark(blocks, Pages(3));
        Assert.All(marked.Where(b => b.Text == "ACME Annual Report"), b => Assert.Equal(BlockRole.PageHeader, b.Role));
        Assert.All(marked.Where(b => b.Text.StartsWith("Body")), b => Assert.Equal(BlockRole.Paragraph, b.Role));
    }

    [Fact]
    public void Pages_of_one_line_each_keep_their_text()
    {
        // Every page holds only "Salad N" near its top: that is the document, not a running head.
        var blocks = Enumerable.Range(1, 5).Select(p => Text($"Salad {p}", p, 54, 72)).ToList();
        Assert.All(PageFurniture.Mark(blocks, Pages(5)), b => Assert.Equal(BlockRole.Paragraph, b.Role));
    }
}
