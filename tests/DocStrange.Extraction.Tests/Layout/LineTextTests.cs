using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Tests.Layout;

public class LineTextTests
{
    private static LayoutWord At(string text, double left, double baseline, double size) =>
        new(text, new BoundingBox(left, baseline - 0.75 * size, left + text.Length * size / 2, baseline + 0.2 * size), baseline, size);

    [Fact]
    public void A_subscript_touching_its_word_joins_it()
    {
        // H, a smaller 2 set lower, O: each starts where the one before ends.
        Assert.Equal("H2O is water", LineText.ToLine([At("H", 72, 100, 10), At("2", 77, 102, 7), At("O", 80.5, 100, 10), At("is", 88, 100, 10), At("water", 101, 100, 10)]).Text);
    }

    [Fact]
    public void A_raised_figure_stays_apart_as_a_footnote_mark_would()
    {
        Assert.Equal("units 3 of", LineText.ToLine([At("units", 72, 100, 10), At("3", 97, 97, 7), At("of", 104, 100, 10)]).Text);
    }
}
