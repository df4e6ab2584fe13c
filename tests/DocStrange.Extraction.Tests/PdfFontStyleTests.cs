using DocStrange.Extraction.Formats.Pdf;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.PdfFonts;

namespace DocStrange.Extraction.Tests;

/// <summary>Which faces count as fixed-pitch.</summary>
public class PdfFontStyleTests
{
    // One letter per character, each `advance` points wide, 12-point, in the named font.
    private static List<Letter> Letters(string font, string text, Func<char, double> advance)
    {
        var letters = new List<Letter>();
        var x = 72.0;
        foreach (var c in text)
        {
            var box = new PdfRectangle(x, 200, x + advance(c), 208);
            letters.Add(new Letter(c.ToString(), box, box, new PdfPoint(x, 200), new PdfPoint(x + advance(c), 200), advance(c), 12,
                new FontDetails(font, false, 400, false), TextRenderingMode.Fill, GrayColor.Black, GrayColor.Black, 12, 0));
            x += advance(c);
        }
        return letters;
    }

    [Fact]
    public void A_proportional_face_that_only_draws_figures_is_not_fixed_pitch()
    {
        // Figures share one width in almost every face (tabular figures): a table of numbers proves nothing.
        var letters = Letters("BAAAAA+LiberationSerif", "1 100 200 25 124 224 2 101 201", _ => 6);
        var traits = PdfFontStyle.ForPage(letters);
        Assert.DoesNotContain(letters, l => (traits(l) & FontTraits.Monospace) != 0);
    }

    [Fact]
    public void A_face_whose_letters_all_advance_alike_is_fixed_pitch()
    {
        var letters = Letters("BAAAAA+SomeFace", "int main(void) { return 0; }", _ => 7.2);
        var traits = PdfFontStyle.ForPage(letters);
        Assert.All(letters, l => Assert.NotEqual(FontTraits.None, traits(l) & FontTraits.Monospace));
    }
}
