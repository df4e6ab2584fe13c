using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Pages;
using DocStrange.Extraction.Layout.Regions;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

/// <summary>Figures drawn as vector graphics become pictures; boxes, buttons and marks beside text do not.</summary>
public class VectorFigureTests
{
    // The slanted segments of a plot line from (left, bottom) rising to the right, one mark each.
    private static IEnumerable<BoundingBox> PlotLine(double left, double top, double width, double height, int steps) =>
        Enumerable.Range(0, steps).Select(i => new BoundingBox(left + i * width / steps, top + height * (steps - i - 1) / steps,
            left + (i + 1) * width / steps, top + height * (steps - i) / steps));

    private static List<LayoutWord> Body() =>
        Column(Enumerable.Repeat("The results of the survey are shown in the chart below for each year", 4), 72, 100);

    [Fact]
    public void A_chart_drawn_with_curves_and_slanted_lines_is_a_picture_that_takes_its_small_labels()
    {
        var words = Body();
        words.AddRange(Phrase("2019", 120, 312, 7));
        words.AddRange(Phrase("2020", 220, 312, 7));
        words.AddRange(Phrase("Figure 1: Responses by year", 72, 350));
        var page = Page(words) with { Drawings = [.. PlotLine(100, 180, 200, 140, 10), new BoundingBox(100, 180, 300, 181)] };

        var figure = Assert.Single(VectorFigures.Find(page, Lines(words)));
        Assert.InRange(figure.Top, 179, 181);
        Assert.InRange(figure.Right, 299, 301);
        var layout = PageAnalyzer.Default.Analyze(page);
        var picture = Assert.Single(layout.Regions, r => r.Picture is not null);
        Assert.Equal(["2019", "2020"], picture.Picture!.Words.Select(w => w.Text).Order());
        // The caption and the body text stay in the text flow.
        Assert.Contains(layout.Regions, r => r.Text is { } t && t.Lines.Any(l => l.Text.StartsWith("Figure 1")));
    }

    [Fact]
    public void A_rounded_box_around_a_paragraph_is_no_figure()
    {
        var words = Column(Enumerable.Repeat("Note that every claim must be sent within thirty days of the date", 6), 90, 200, 8);
        // Four corner arcs and the box's slanted shading strokes, around the paragraph.
        List<BoundingBox> marks = [new(80, 185, 90, 195), new(350, 185, 360, 195), new(80, 265, 90, 275), new(350, 265, 360, 275)];
        marks.AddRange(PlotLine(80, 185, 280, 90, 4));
        var page = Page(words) with { Drawings = marks };

        Assert.Empty(VectorFigures.Find(page, Lines(words)));
        Assert.DoesNotContain(PageAnalyzer.Default.Analyze(page).Regions, r => r.Picture is not null);
    }

    [Fact]
    public void A_grid_of_radio_buttons_beside_their_labels_is_no_figure()
    {
        var words = new List<LayoutWord>();
        var marks = new List<BoundingBox>();
        for (var row = 0; row < 6; row++)
        {
            words.AddRange(Phrase($"Question {row + 1}", 72, 210 + row * 12, 7));
            for (var c = 0; c < 5; c++) marks.Add(new BoundingBox(200 + c * 14, 202 + row * 12, 210 + c * 14, 212 + row * 12));
        }
        var page = Page(words) with { Drawings = marks };

        Assert.Empty(VectorFigures.Find(page, Lines(words)));
    }
    [Fact]
    public void A_charts_axes_and_the_figures_beside_them_go_with_the_chart_and_its_title_stays_text()
    {
        var words = Body();
        words.AddRange(Phrase("Households by income", 150, 170));
        foreach (var (tick, x) in new[] { ("0", 100.0), ("10000", 180.0), ("20000", 260.0) }) words.AddRange(Phrase(tick, x, 336, 8));
        words.AddRange(Phrase(".0001", 82, 200, 8));
        words.AddRange(Phrase(".0002", 82, 260, 8));
        // The plot line over part of the axes, which are drawn as straight rules.
        var page = Page(words, [new Ruling(95, 325, 320, 325), new Ruling(95, 180, 95, 325)]) with { Drawings = [.. PlotLine(130, 245, 160, 80, 6)] };

        var picture = Assert.Single(PageAnalyzer.Default.Analyze(page).Regions, r => r.Picture is not null);
        Assert.Equal([".0001", ".0002", "0", "10000", "20000"], picture.Picture!.Words.Select(w => w.Text).Order(StringComparer.Ordinal));
        Assert.InRange(picture.Box.Left, 77, 96);
        Assert.InRange(picture.Box.Right, 319, 330);
    }

    [Fact]
    public void Two_figures_whose_images_run_into_each_other_are_two_pictures_when_each_has_its_caption()
    {
        var words = Phrase("Figure 7-26. Self-locking nuts.", 72, 420);
        words.AddRange(Phrase("Figure 7-27. Stainless steel nut.", 320, 420));
        BoundingBox[] images = [new(71, 300, 200, 400), new(190, 310, 340, 405), new(320, 250, 530, 390), new(400, 300, 560, 410)];
        var page = new PageContent(1, 612, 792, words) { Pictures = images };

        var pictures = PictureRegions.Find(page, Lines(words), 10, []);
        Assert.Equal(2, pictures.Count);
        Assert.Equal([71.0, 320.0], pictures.Select(p => p.Box.Left).Order());
        Assert.Equal([340.0, 560.0], pictures.Select(p => p.Box.Right).Order());
    }
}
