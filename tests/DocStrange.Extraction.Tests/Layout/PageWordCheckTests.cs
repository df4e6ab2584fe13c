using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Blocks;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Order;
using DocStrange.Extraction.Layout.Pages;
using DocStrange.Extraction.Layout.Regions;
using DocStrange.Extraction.Layout.Tables;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

public class PageWordCheckTests
{
    // A detector that takes the words of its rows but writes one of them twice (or leaves one out).
    private sealed class FaultyTableDetector(bool doubles) : ITableDetector
    {
        public IReadOnlyList<TableRegion> Detect(PageContent page, IReadOnlyList<LayoutLine> lines)
        {
            var words = lines.SelectMany(l => l.Words).ToList();
            var cells = new List<TableCell>
            {
                new(0, 0, words[0].Text), new(0, 1, doubles ? words[1].Text + " " + words[1].Text : ""),
                new(1, 0, words[2].Text), new(1, 1, words[3].Text),
            };
            return [new TableRegion(new Table(2, 2, cells), words.Select(w => w.Box).UnionAll()!.Value, words)];
        }
    }

    private static PageAnalyzer With(ITableDetector detector) =>
        new(LineBuilder.Instance, BlockBuilder.Instance, TopologicalReadingOrder.Instance, [detector], []);

    private static List<LayoutWord> FourWords() => [.. Phrase("Alpha", 72, 100), .. Phrase("Beta", 200, 100), .. Phrase("Gamma", 72, 120), .. Phrase("Delta", 200, 120)];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_layout_that_doubles_or_drops_a_word_falls_back_to_one_holding_every_word_once(bool doubles)
    {
        var words = FourWords();
        var layout = With(new FaultyTableDetector(doubles)).Analyze(Page(words));
        Assert.True(layout.FellBack);
        Assert.DoesNotContain(layout.Regions, r => r.Table is not null);
        var texts = layout.Regions.SelectMany(r => r.Text!.Lines).SelectMany(l => l.Words).Select(w => w.Text).Order();
        Assert.Equal(["Alpha", "Beta", "Delta", "Gamma"], texts);
        Assert.True(PageWordCheck.Holds(words, layout));
    }

    [Fact]
    public void A_layout_that_keeps_every_word_once_does_not_fall_back()
    {
        var words = FourWords();
        var layout = PageAnalyzer.Default.Analyze(Page(words));
        Assert.False(layout.FellBack);
        Assert.True(PageWordCheck.Holds(words, layout));
    }

    [Fact]
    public void Table_cells_must_show_the_letters_of_the_words_their_table_took()
    {
        var words = FourWords();
        var box = words.Select(w => w.Box).UnionAll()!.Value;
        Table Of(params string[] texts) => new(2, 2, texts.Select((t, i) => new TableCell(i / 2, i % 2, t)).ToList());
        var faithful = new PageLayout(1, 612, 792, [PageRegion.Of(new TableRegion(Of("Alpha", "Beta", "Gamma", "Delta"), box, words))]);
        var doubled = new PageLayout(1, 612, 792, [PageRegion.Of(new TableRegion(Of("Alpha", "Beta Beta", "Gamma", "Delta"), box, words))]);
        Assert.True(PageWordCheck.Holds(words, faithful));
        Assert.False(PageWordCheck.Holds(words, doubled));
    }
}
