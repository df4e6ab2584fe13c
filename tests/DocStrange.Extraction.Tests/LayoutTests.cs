using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Roles;

namespace DocStrange.Extraction.Tests;

public class LayoutTests
{
    [Theory]
    [InlineData(new[] { "an exam-", "ple of it" }, "an example of it")]
    [InlineData(new[] { "soft exam\u00AD", "ple" }, "soft example")]
    [InlineData(new[] { "well-known pre-", "War" }, "well-known pre- War")]
    [InlineData(new[] { "ends with 1990-", "2000" }, "ends with 1990- 2000")]
    [InlineData(new[] { "  spaced   out ", "", " lines " }, "spaced out lines")]
    public void Lines_are_joined_with_hyphenation_repaired(string[] lines, string expected) =>
        Assert.Equal(expected, LineJoiner.Join(lines));

    [Theory]
    [InlineData(new[] { "保证季度报告内容的真实", "准确、完整。" }, "保证季度报告内容的真实准确、完整。")]
    [InlineData(new[] { "正しくうつされた筈のこれら", "のことばが" }, "正しくうつされた筈のこれらのことばが")]
    [InlineData(new[] { "营业收入合计（元）人民币", "2018 年" }, "营业收入合计（元）人民币 2018 年")]
    [InlineData(new[] { "보험상품의 입원 및 사망의", "재해 인정" }, "보험상품의 입원 및 사망의 재해 인정")]
    [InlineData(new[] { "新山 祐介", "関根 聡" }, "新山 祐介 関根 聡")]
    public void A_wrapped_line_of_chinese_or_japanese_goes_on_without_a_space_and_lines_set_apart_keep_it(string[] lines, string expected) =>
        Assert.Equal(expected, LineJoiner.Join(DocStrange.Extraction.Tests.Layout.Words.Lines(DocStrange.Extraction.Tests.Layout.Words.Column(lines, 72, 100))));

    [Theory]
    [InlineData("age-", "adjusted rates", "age-adjusted rates")]
    [InlineData("exam-", "ple of it", "example of it")]
    [InlineData("with-", "out it", "without it")]
    public void A_compound_the_document_writes_with_its_hyphen_keeps_it_across_lines(string first, string second, string expected)
    {
        var vocabulary = new HashSet<string> { "age-adjusted", "rates", "exam", "with", "out" };
        Assert.Equal(expected, LineJoiner.Join([first, second], vocabulary));
    }

    [Fact]
    public void Ligatures_are_expanded_and_whitespace_collapsed() =>
        Assert.Equal("ff fi fl ffi ffl st", TextCleanup.Normalize("\uFB00\u00A0\uFB01\t\uFB02 \uFB03\u200B \uFB04\n\uFB06"));

    [Fact]
    public void Code_keeps_its_lines() =>
        Assert.Equal("a\n  b\n\nc", TextCleanup.NormalizeKeepingLines("\na  \r\n  b\n\nc\n"));

    [Theory]
    [InlineData("• Item", true, false, "Item")]
    [InlineData("- item", true, false, "item")]
    [InlineData("12. Twelfth", true, true, "Twelfth")]
    [InlineData("3) third", true, true, "third")]
    [InlineData("- - - - x", false, false, "- - - - x")]
    [InlineData("2020 was a year", false, false, "2020 was a year")]
    public void List_markers_are_recognised(string line, bool isItem, bool ordered, string rest)
    {
        Assert.Equal(isItem, ListMarkers.TryMatch(line, out var o, out var r));
        Assert.Equal((ordered, rest), (o, r));
    }

    [Fact]
    public void A_bold_label_with_its_value_beside_it_is_no_heading()
    {
        var builder = new PageBlockBuilder();
        var blocks = builder.Build(
        [
            new LayoutBlock([Line("Body text that is long enough to set the body size of the page, and more.", 72, 60, 10)]),
            new LayoutBlock([Line("Signature:", 72, 100, 10) with { Bold = true }]),
            new LayoutBlock([Line("M. Lopez", 200, 100, 10)]),
            new LayoutBlock([Line("Declaration", 72, 130, 10) with { Bold = true }]),
        ], page: 1);
        Assert.Equal([BlockRole.Paragraph, BlockRole.Paragraph, BlockRole.Paragraph, BlockRole.Heading], blocks.Select(b => b.Role));
    }

    [Fact]
    public void Printed_list_numbers_are_kept_and_letters_stay_as_printed()
    {
        var builder = new PageBlockBuilder();
        var body = Line("Body text that is long enough to set the body size of the page, and more.", 72, 60, 10);
        var blocks = builder.Build(
        [
            new LayoutBlock([body]),
            new LayoutBlock([Line("150. Solve for x.", 72, 100, 10)]),
            new LayoutBlock([Line("151. Solve for y.", 72, 114, 10)]),
            new LayoutBlock([Line("a. the first part", 84, 128, 10)]),
            new LayoutBlock([Line("(415) 555-0199 is the number to call.", 72, 150, 10)]),
        ], page: 1);
        Assert.Equal(
            [(BlockRole.Paragraph, body.Text, (int?)null), (BlockRole.ListItem, "Solve for x.", 150), (BlockRole.ListItem, "Solve for y.", 151),
             (BlockRole.ListItem, "a. the first part", null), (BlockRole.Paragraph, "(415) 555-0199 is the number to call.", null)],
            blocks.Select(b => (b.Role, b.Text, b.Number)));
        Assert.False(blocks[3].Ordered);
    }

    [Fact]
    public void A_star_before_one_paragraph_alone_marks_a_note_and_stars_before_several_make_a_list()
    {
        var builder = new PageBlockBuilder();
        var body = Line("Body text that is long enough to set the body size of the page, and more.", 72, 60, 10);
        var blocks = builder.Build(
        [
            new LayoutBlock([body]),
            new LayoutBlock([Line("* Per 100,000 U.S. standard population.", 72, 100, 10)]),
            new LayoutBlock([Line("Body text again, long enough to stand between the note and the list.", 72, 130, 10)]),
            new LayoutBlock([Line("* apples", 72, 160, 10)]),
            new LayoutBlock([Line("* pears", 72, 174, 10)]),
        ], page: 1);
        Assert.Equal(
            [BlockRole.Paragraph, BlockRole.Paragraph, BlockRole.Paragraph, BlockRole.ListItem, BlockRole.ListItem],
            blocks.Select(b => b.Role));
        Assert.Equal("* Per 100,000 U.S. standard population.", blocks[1].Text);
        Assert.Equal("pears", blocks[4].Text);
    }

    [Fact]
    public void A_detached_bullet_goes_back_on_its_line()
    {
        var lines = DetachedMarkers.Reattach([Line("•", 72, 100, 11), Line("First item", 84, 100, 11), Line("continues", 84, 114, 11)]);
        Assert.Equal(["• First item", "continues"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_marker_on_another_baseline_stays_alone() =>
        Assert.Equal(2, DetachedMarkers.Reattach([Line("5.1", 72, 100, 10), Line("Title", 100, 140, 10)]).Count);

    [Fact]
    public void A_paragraph_cut_by_a_column_break_is_joined_but_small_print_under_the_column_continues_nothing()
    {
        var builder = new PageBlockBuilder();
        var blocks = builder.Build(
        [
            new LayoutBlock([Line("Investigation of the accident has been", 45, 600, 9)]),
            new LayoutBlock([Line("authorities. The data show that the", 222, 67, 9)]),
            new LayoutBlock([Line("Jkt 250001", 370, 772, 6.5)]),
            new LayoutBlock([Line("altitude disagree alert, and may affect the crew.", 410, 67, 9)]),
            new LayoutBlock([Line("Sfmt 4702", 370, 780, 9)]),
            new LayoutBlock([Line("upon delivery of the airplane, and that provides", 600, 67, 9)]),
        ], page: 1);
        Assert.Equal(
            ["Investigation of the accident has been authorities. The data show that the", "Jkt 250001",
             "altitude disagree alert, and may affect the crew.", "Sfmt 4702", "upon delivery of the airplane, and that provides"],
            blocks.Select(b => b.Text));
    }

    [Fact]
    public void Short_lines_amid_running_text_of_their_size_are_no_heading_where_smaller_print_is_the_most_text()
    {
        // Footnotes in 7 points outweigh the 9-point text; an italic URL breaks the 9-point paragraph into short lines.
        var builder = new PageBlockBuilder();
        var notes = Enumerable.Range(0, 12).Select(i => Line("1 Footnote text in small print that fills the whole width of the column here.", 45, 600 + 8 * i, 7)).ToList();
        var blocks = builder.Build(
        [
            new LayoutBlock(
            [
                Line("Investigation of the accident report, which is", 45, 100, 9),
                Line("at (http://knkt.dephub.go.id/knkt/", 45, 110, 9) with { Italic = true },
                Line("ntsc_aviation/baru/2018%20-", 45, 120, 9) with { Italic = true },
                Line("%20035%20-%20PK-", 45, 130, 9) with { Italic = true },
                Line("LQP%20Final%20Report.pdf), indicated that", 45, 140, 9),
                Line("a single erroneously high angle of attack", 45, 150, 9),
            ]),
            new LayoutBlock(notes),
        ], page: 1);
        Assert.Equal(BlockRole.Paragraph, Assert.Single(blocks, b => b.Text.Contains("ntsc_aviation", StringComparison.Ordinal)).Role);
    }

    [Fact]
    public void The_title_and_headings_are_ranked_against_the_body_size()
    {
        var builder = new PageBlockBuilder();
        var blocks = builder.Build(
        [
            new LayoutBlock([Line("Big Title", 72, 40, 24)]),
            new LayoutBlock([Line("Section", 72, 80, 14)]),
            new LayoutBlock([Line("Body text that is long enough to set the body size of the page.", 72, 100, 10), Line("More body text of the same size.", 72, 112, 10)]),
            new LayoutBlock([Line("Run-in bold", 72, 130, 10) with { Bold = true }]),
        ], page: 1);
        Assert.Equal([(BlockRole.Title, 0), (BlockRole.Heading, 1), (BlockRole.Paragraph, 0), (BlockRole.Heading, 3)],
            blocks.Select(b => (b.Role, b.Level)));
    }

    private static LayoutLine Line(string text, double left, double bottom, double size) =>
        new(text, new BoundingBox(left, bottom - size, left + text.Length * size / 2, bottom), size, Bold: false);
}
