using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Tables;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

public class TextSeparatorTests
{
    // Rows of two right-aligned figures each, the longest of each column a word space (2.5 pt at 10 pt) apart.
    private static List<LayoutWord> TwoColumns(params (string Left, string Right)[] rows)
    {
        var words = new List<LayoutWord>();
        for (var r = 0; r < rows.Length; r++)
        {
            var (a, b) = rows[r];
            words.Add(Word(a, 150 - a.Length * 5, 100 + r * 14));
            words.Add(Word(b, 202.5 - b.Length * 5, 100 + r * 14));
        }
        return words;
    }

    [Fact]
    public void Columns_of_long_figures_a_word_space_apart_are_two_columns()
    {
        var words = TwoColumns(("13,340,788", "14,032,118"), ("1,087,948", "1,022,490"), ("15,492,738", "15,745,424"), ("586,688", "568,738"));
        Assert.Empty(TextSeparators.Columns(words, 90, 260, 8, 1));
        var split = Assert.Single(TextSeparators.Columns(words, 90, 260, 8, 1, numberGap: 1));
        Assert.InRange(split, 150, 152.5);
    }

    [Fact]
    public void A_figure_and_its_note_mark_a_word_space_apart_stay_one_cell()
    {
        var words = new List<LayoutWord>();
        string[] figures = ["10,000", "107,000", "2,500", "9,000"];
        for (var r = 0; r < figures.Length; r++)
        {
            words.Add(Word(figures[r], 150 - figures[r].Length * 5, 100 + r * 14));
            words.Add(Word($"({r + 1})", 152.5, 100 + r * 14));
        }
        Assert.Empty(TextSeparators.Columns(words, 90, 260, 8, 1, numberGap: 1));
    }

    [Fact]
    public void Two_figures_a_word_space_apart_do_not_bridge_a_separator_between_them()
    {
        List<LayoutWord> row = [Word("2,241,609", 100, 100), Word("107,549", 147.5, 100)];
        Assert.False(TextSeparators.Bridged(row, 146));
        List<LayoutWord> phrase = [Word("June", 100, 100), Word("30,", 122.5, 100)];
        Assert.True(TextSeparators.Bridged(phrase, 121));
    }
}
