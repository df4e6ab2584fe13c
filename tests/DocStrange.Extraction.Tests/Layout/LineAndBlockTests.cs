using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Blocks;
using DocStrange.Extraction.Layout.Lines;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

public class LineAndBlockTests
{
    [Fact]
    public void Words_on_a_baseline_make_one_line_and_a_wide_gap_makes_two()
    {
        var words = Phrase("left column text", 72, 100).Concat(Phrase("right column", 72 + 80 + 15, 100)).ToList();
        var lines = LineBuilder.Instance.Build(words);
        Assert.Equal(["left column text", "right column"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_superscript_stays_on_its_line_as_a_word_of_its_own()
    {
        var words = Phrase("reached 12 million", 72, 100);
        words.Add(Word("1", words[^1].Box.Right + 0.5, 96, 6));
        words.AddRange(Phrase("by December.", words[^1].Box.Right + 3, 100));
        Assert.Equal("reached 12 million 1 by December.", Assert.Single(LineBuilder.Instance.Build(words)).Text);
    }

    [Fact]
    public void Lines_beside_a_brace_several_lines_tall_stay_apart()
    {
        // A 126-point brace whose baseline sits among five 10-point lines: were they its scripts, all would be one line.
        var words = new List<LayoutWord> { Word("{", 30, 160, 126) };
        words.AddRange(Column(["le conjoint", "la personne", "l'ascendant", "le descendant", "le collatéral"], 42, 110, leading: 12));
        Assert.Equal(["le conjoint", "la personne", "l'ascendant", "le descendant", "le collatéral", "{"],
            LineBuilder.Instance.Build(words).OrderBy(l => l.Words[0].Baseline).Select(l => l.Text));
    }

    [Fact]
    public void A_right_to_left_line_reads_from_the_right()
    {
        var words = new List<LayoutWord> { Word("שלום", 72, 100), Word("עולם", 72 + 25, 100) };
        Assert.Equal("עולם שלום", Assert.Single(LineBuilder.Instance.Build(words)).Text);
    }

    [Fact]
    public void Words_turned_sideways_read_upwards_as_one_line()
    {
        var words = new List<LayoutWord>
        {
            new("Authority", new(100, 200, 110, 245), 110, 10) { Rotation = 90 },
            new("No", new(100, 250, 110, 262), 110, 10) { Rotation = 90 },
        };
        Assert.Equal("No Authority", Assert.Single(LineBuilder.Instance.Build(words)).Text);
    }

    [Fact]
    public void Two_columns_make_separate_blocks_and_a_wider_gap_ends_a_paragraph()
    {
        var left = Column(["one two three four", "five six seven", "eight nine"], 72, 100);
        left.AddRange(Column(["after the gap"], 72, 100 + 2 * 12 + 22));
        var right = Column(["alpha beta gamma", "delta epsilon"], 320, 100);
        var lines = LineBuilder.Instance.Build([.. left, .. right]);
        var blocks = BlockBuilder.Instance.Build(lines).Select(b => string.Join(" / ", b.Lines.Select(l => l.Text))).Order().ToList();
        Assert.Equal(["after the gap", "alpha beta gamma / delta epsilon", "one two three four / five six seven / eight nine"], blocks);
    }

    [Fact]
    public void Double_spaced_text_makes_one_block_per_paragraph_parted_where_a_line_stops_short_or_the_next_is_indented()
    {
        // Set at 24 pt for 10 pt type: the gap between lines is wider than a paragraph gap of ordinary text.
        var words = Column(["The parties agree that the lease of the premises", "shall run for a term of five years from the date", "of signing."], 72, 100, leading: 24);
        // The second paragraph's first line is indented; its other lines start at the margin.
        words.AddRange(Column(["The tenant shall pay the rent monthly in advance"], 92, 172));
        words.AddRange(Column(["to the account the landlord names in writing and", "no later than the fifth day of each month."], 72, 196, leading: 24));
        var blocks = BlockBuilder.Instance.Build(LineBuilder.Instance.Build(words)).Select(b => b.Lines.Count).ToList();
        Assert.Equal([3, 3], blocks);
    }

    [Fact]
    public void Short_lines_evenly_spaced_apart_stay_blocks_of_their_own()
    {
        var words = Column(["Name", "Address", "Telephone", "Signature", "Date"], 72, 100, leading: 24);
        Assert.Equal(5, BlockBuilder.Instance.Build(LineBuilder.Instance.Build(words)).Count);
    }

    [Fact]
    public void Margin_line_numbers_join_their_rows()
    {
        var words = new List<LayoutWord>();
        for (var n = 1; n <= 6; n++)
        {
            words.Add(Word(n.ToString(), 90, 100 + n * 24, 12));
            words.AddRange(Phrase($"text of line {n}", 150, 100 + n * 24, 12));
        }
        words.AddRange(Phrase(":", 370, 100 + 3 * 24, 12));
        var lines = MarginLineNumbers.Join(LineBuilder.Instance.Build(words));
        Assert.Equal(6, lines.Count);
        Assert.Equal("3 text of line 3 :", lines[2].Text);
    }

    [Fact]
    public void A_counting_column_beside_columns_of_figures_is_no_numbered_margin()
    {
        var words = new List<LayoutWord>();
        for (var n = 1; n <= 6; n++)
        {
            words.Add(Word(n.ToString(), 90, 100 + n * 14, 12));
            words.Add(Word((99 + n).ToString(), 130, 100 + n * 14, 12));
            words.Add(Word((199 + n).ToString(), 170, 100 + n * 14, 12));
        }
        var lines = LineBuilder.Instance.Build(words);
        Assert.Equal(lines.Select(l => l.Text), MarginLineNumbers.Join(lines).Select(l => l.Text));
    }

    [Fact]
    public void A_column_of_codes_inside_a_table_is_no_numbered_margin()
    {
        var words = new List<LayoutWord>();
        for (var n = 1; n <= 6; n++)
        {
            words.AddRange(Phrase("Aguascalientes", 72, 100 + n * 14, 10));
            words.Add(Word($"01{n:D2}", 250, 100 + n * 14, 10));
            words.AddRange(Phrase($"Rancho {n}", 320, 100 + n * 14, 10));
        }
        var lines = LineBuilder.Instance.Build(words);
        Assert.Equal(lines.Select(l => l.Text), MarginLineNumbers.Join(lines).Select(l => l.Text));
    }

    [Fact]
    public void A_lone_bullet_goes_back_on_its_line()
    {
        var words = new List<LayoutWord> { Word("•", 72, 100) };
        words.AddRange(Phrase("First item", 72 + 5 + 20, 100));
        Assert.Equal("• First item", Assert.Single(DetachedMarkers.Reattach(LineBuilder.Instance.Build(words))).Text);
    }

    [Fact]
    public void Code_keeps_the_wide_gaps_of_its_aligned_parts_on_one_line()
    {
        var words = new List<LayoutWord>
        {
            Word("id", 90, 100, 10, FontTraits.Monospace),
            Word("OBJECT", 90 + 10 + 30, 100, 10, FontTraits.Monospace),
        };
        Assert.Equal("id OBJECT", Assert.Single(LineBuilder.Instance.Build(words)).Text);
    }
}
