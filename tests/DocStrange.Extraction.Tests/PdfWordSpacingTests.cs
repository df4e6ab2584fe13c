using DocStrange.Extraction.Formats.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.PdfFonts;

namespace DocStrange.Extraction.Tests;

/// <summary>Word breaks come from the gaps between glyphs, not only from space glyphs.</summary>
public class PdfWordSpacingTests
{
    // Letters of 12-point text drawn by one text operation on one baseline, each `advance` wide, `gaps` adding space before the letter at that index.
    private static List<Letter> Letters(string text, double advance, IReadOnlyDictionary<int, double> gaps)
    {
        var letters = new List<Letter>();
        var x = 72.0;
        for (var i = 0; i < text.Length; i++)
        {
            x += gaps.GetValueOrDefault(i);
            var box = new PdfRectangle(x + 0.2, 200, x + advance - 0.2, 208);
            letters.Add(new Letter(text[i].ToString(), box, box, new PdfPoint(x, 200), new PdfPoint(x + advance, 200), advance, 12,
                new FontDetails("Times-Roman", false, 400, false), TextRenderingMode.Fill, GrayColor.Black, GrayColor.Black, 12, 0));
            x += advance;
        }
        return letters;
    }

    [Fact]
    public void Words_set_a_quarter_em_apart_without_a_space_glyph_are_two_words()
    {
        // "Research question" as a TeX-made PDF draws it: no space glyph, 2.99 pt between "h" and "q".
        (string Text, double Start, double End, double GlyphLeft, double GlyphRight)[] drawn =
        [
            ("R", 148.25, 156.23, 148.46, 156.13), ("e", 156.23, 161.54, 156.53, 161.30), ("s", 161.54, 166.19, 162.15, 165.70),
            ("e", 166.19, 171.49, 166.49, 171.26), ("a", 171.49, 176.80, 171.94, 176.78), ("r", 176.80, 180.78, 176.86, 180.81),
            ("c", 180.78, 186.09, 181.08, 185.71), ("h", 186.09, 192.07, 186.20, 191.91), ("q", 195.06, 201.04, 195.34, 200.89),
            ("u", 201.04, 207.01, 201.14, 206.76), ("e", 207.01, 212.32, 207.31, 212.08), ("s", 212.32, 216.97, 212.93, 216.48),
            ("t", 216.97, 220.30, 217.13, 220.31), ("i", 220.30, 223.62, 220.49, 223.32), ("o", 223.62, 229.60, 223.97, 229.24),
            ("n", 229.60, 235.57, 229.79, 235.39),
        ];
        var letters = drawn.Select(d =>
        {
            var box = new PdfRectangle(d.GlyphLeft, 200, d.GlyphRight, 208);
            return new Letter(d.Text, box, box, new PdfPoint(d.Start, 200), new PdfPoint(d.End, 200), d.End - d.Start, 12,
                new FontDetails("NimbusRomNo9L-Regu", false, 400, false), TextRenderingMode.Fill, GrayColor.Black, GrayColor.Black, 12, 0);
        }).ToList();
        // Some files reach the word splitter as one word (the extractor glued them); the gap still parts them.
        var words = new List<Word>();
        PdfWords.SplitAtGaps(new Word(letters), words);
        Assert.Equal(["Research", "question"], words.Select(w => w.Text));
        Assert.Equal(["Research", "question"], PdfWords.Extract(letters).Select(w => w.Text));
    }

    [Fact]
    public void Letters_a_hair_apart_stay_one_word()
    {
        var words = PdfWords.Extract(Letters("AVATAR", 7, new Dictionary<int, double> { [1] = 0.4, [3] = 0.8, [5] = 0.3 }));
        Assert.Equal(["AVATAR"], words.Select(w => w.Text));
    }

    // A 10.44-point Arial letter advancing `width` from x, drawn by text operation `sequence`.
    private static Letter At(string text, double x, double width, int sequence)
    {
        var box = new PdfRectangle(x, 200, x + width, 208);
        return new Letter(text, box, box, new PdfPoint(x, 200), new PdfPoint(x + width, 200), width, 10.44,
            new FontDetails("Arial", false, 400, false), TextRenderingMode.Fill, GrayColor.Black, GrayColor.Black, 10.44, sequence);
    }

    [Fact]
    public void Spaces_laid_under_touching_letters_by_another_text_operation_break_no_word()
    {
        // A run of spaces at half the figures' pitch, drawn first; then "03/25" drawn over it, each letter
        // touching the next.
        var letters = new List<Letter>();
        for (var i = 0; i < 10; i++) letters.Add(At(" ", 96.77 + i * 2.9, 2.9, 1));
        var x = 97.8;
        foreach (var c in "03/25")
        {
            var width = c == '/' ? 2.9 : 5.8;
            letters.Add(At(c.ToString(), x, width, 2));
            x += width;
        }
        Assert.Equal(["03/25"], PdfWords.Extract(letters).Select(w => w.Text));
    }

    [Fact]
    public void A_space_drawn_in_line_between_touching_letters_still_breaks_the_word()
    {
        // CJK text whose advances leave no room for the space it draws between two words.
        List<Letter> letters = [At("높", 100, 10, 3), At("나", 110, 10, 3), At(" ", 117, 3, 3), At("집", 120, 10, 3), At("단", 130, 10, 3)];
        Assert.Equal(["높나", "집단"], PdfWords.Extract(letters).Select(w => w.Text));
    }

    // A letter of `size`-point Times with its baseline at `baseline`, `width` wide from `x`.
    private static Letter Sized(string text, double x, double width, double size, double baseline)
    {
        var box = new PdfRectangle(x + 0.3, baseline, x + width - 0.3, baseline + 0.7 * size);
        return new Letter(text, box, box, new PdfPoint(x, baseline), new PdfPoint(x + width, baseline), width, size,
            new FontDetails("Times-Roman", false, 400, false), TextRenderingMode.Fill, GrayColor.Black, GrayColor.Black, size, 0);
    }

    [Fact]
    public void Scripts_touching_their_base_are_part_of_its_word()
    {
        // "H₂O and x² + y": the subscript lowered, the superscript raised, both at 7 points beside 12-point text.
        List<Letter> letters =
        [
            Sized("H", 100, 8.7, 12, 200), Sized("2", 108.7, 3.9, 7, 198.8), Sized("O", 112.6, 9.3, 12, 200), Sized(" ", 121.9, 3, 12, 200),
            Sized("a", 124.9, 5.3, 12, 200), Sized("n", 130.2, 6, 12, 200), Sized("d", 136.2, 6, 12, 200), Sized(" ", 142.2, 3, 12, 200),
            Sized("x", 145.2, 6, 12, 200), Sized("2", 151.2, 3.9, 7, 204.6), Sized(" ", 155.1, 3, 12, 200), Sized("+", 158.1, 6.8, 12, 200),
            Sized(" ", 164.9, 3, 12, 200), Sized("y", 167.9, 6, 12, 200),
        ];
        Assert.Equal(["H2O", "and", "x2", "+", "y"], PdfWords.Extract(letters).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
    }

    [Fact]
    public void Smaller_words_a_space_apart_stay_apart()
    {
        // A note mark a word space after its word, and a line of smaller type touching nothing.
        List<Letter> letters = [Sized("w", 100, 8, 12, 200), Sized("1", 111, 3.9, 7, 204.6), Sized("n", 100, 3.9, 7, 180), Sized("o", 103.9, 3.9, 7, 180)];
        Assert.Equal(["1", "no", "w"], PdfWords.Extract(letters).Select(w => w.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Turned_text_parts_at_a_word_space_along_its_baseline()
    {
        // A survey plan's bearing "320 25 00" set downwards at a slight slant, without space glyphs: a quarter
        // of an em between the groups, which the nearest-neighbour extractor bridges.
        var letters = new List<Letter>();
        var (x, y) = (1563.96, 1222.64);
        foreach (var (ch, gap) in new[] { ('3', 0.0), ('2', 0.0), ('0', 0.0), ('2', 2.57), ('5', 0.0), ('0', 2.57), ('0', 0.0) })
        {
            (x, y) = (x + 0.03 * gap, y - gap);
            var box = new PdfRectangle(x - 3.9, y - 5.1, x + 0.6, y);
            letters.Add(new Letter(ch.ToString(), box, box, new PdfPoint(x, y), new PdfPoint(x + 0.58, y - 5.11), 5.14, 11.3,
                new FontDetails("Helvetica", false, 400, false), TextRenderingMode.Fill, GrayColor.Black, GrayColor.Black, 11.3, 0));
            (x, y) = (x + 0.6, y - 5.16);
        }
        Assert.Equal(["320", "25", "00"], PdfWords.Extract(letters).Select(w => w.Text));
    }

    [Fact]
    public void A_brace_several_lines_tall_is_no_part_of_the_bullet_or_word_it_touches()
    {
        // A 126-point "{" before a list's 10-point bullets, and a "}" closing its lines, drawn touching them.
        var brace = Sized("{", 30, 4, 126, 178);
        List<Letter> letters = [brace, Sized("•", 34, 4, 10, 186), Sized("a", 60, 5, 10, 232), Sized(",", 65, 2.5, 10, 232), Sized("}", 67.5, 6.8, 64, 232)];
        Assert.Equal(["{", "•", "a,", "}"], PdfWords.Extract(letters).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
    }
}
