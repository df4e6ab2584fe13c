using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Roles;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

public class RunningHeadRuleTests
{
    private static LayoutLine Line(string text, double left, double baseline, double size = 10) => LineText.ToLine(Phrase(text, left, baseline, size));

    private static readonly LayoutLine[] Body = [Line("The body of the page, a paragraph of ordinary text.", 72, 200), Line("It goes on over several lines.", 72, 212)];

    [Theory]
    [InlineData("Downloaded from https://example.org/article/45 by guest on 14 May 2024", 40, true)]
    [InlineData("Journal of Applied Hydrology 12 (2023) 45-58", 40, true)]
    [InlineData("doi: 10.1000/xyz123", 770, false)]
    public void A_line_in_the_outer_strip_saying_what_running_heads_say_is_furniture(string text, double baseline, bool top)
    {
        var line = Line(text, 72, baseline, 8);
        Assert.Equal(top, RunningHeadRule.IsRunningHead([line], text, 612, 792, Body));
    }

    [Theory]
    [InlineData("Official - Subject to Final Review", 40)]
    [InlineData("Downloaded from the archive, the data show a rise.", 300)]
    public void Small_or_plain_text_and_text_inside_the_page_are_not_furniture(string text, double baseline)
    {
        var line = Line(text, 72, baseline, 8);
        Assert.Null(RunningHeadRule.IsRunningHead([line], text, 612, 792, Body));
    }

    [Fact]
    public void Text_turned_sideways_in_the_margin_is_a_stamp()
    {
        // Read upwards: each word's box is tall and narrow, in the left margin.
        var words = new[] { "Downloaded", "by", "guest" }.Select((t, i) => new LayoutWord(t, new Document.Model.BoundingBox(20, 400 - 40 * i - t.Length * 4, 28, 400 - 40 * i), 28, 7) { Rotation = 90 }).ToList();
        var stamp = LineText.ToLine(words);
        Assert.NotNull(RunningHeadRule.IsRunningHead([stamp], stamp.Text, 612, 792, Body));
    }
}
