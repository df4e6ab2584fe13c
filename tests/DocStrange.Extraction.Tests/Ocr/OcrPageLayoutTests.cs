using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Roles;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr;

/// <summary>OCR'd pages built from words directly (no engine), through the page pipeline text layers take.</summary>
public class OcrPageLayoutTests
{
    // A letter-size page at 72 ppi: a pixel is a point.
    private const int Width = 612, Height = 792;

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(1);

    // One recognised line of 10 px type; each word is (text, left), its letters as wide as in a proportional face.
    private static OcrLine Line(int block, int paragraph, double top, params (string Text, double Left)[] words)
    {
        var ocrWords = words.Select(w => new OcrWord(w.Text, new BoundingBox(w.Left, top, w.Left + WidthOf(w.Text), top + 10), 0.9)).ToList();
        return new OcrLine(ocrWords, ocrWords.Select(w => w.Box).Aggregate((a, b) => a.Union(b)), block, paragraph, 10) { Baseline = top + 8 };
    }

    // A line of running text from x = 72, its words a space apart.
    private static OcrLine Text(int block, int paragraph, double top, string text, double left = 72)
    {
        var words = new List<(string, double)>();
        foreach (var word in text.Split(' '))
        {
            words.Add((word, left));
            left += WidthOf(word) + 3;
        }
        return Line(block, paragraph, top, [.. words]);
    }

    private static double WidthOf(string word) => word.Sum(c => c switch
    {
        'i' or 'l' or 'j' or 't' or 'f' or '.' or ',' or ':' or ';' or '\'' or 'I' => 2.5,
        'm' or 'w' or 'M' or 'W' => 8,
        _ when char.IsUpper(c) => 6.5,
        _ => 5,
    });

    private static IReadOnlyList<Block> Blocks(params OcrLine[] lines) => Blocks(new OcrPage(Width, Height, lines));

    private static IReadOnlyList<Block> Blocks(OcrPage page) =>
        OcrBlocks.Build(page, new PixelToPage(1, 1, 0, 0), Width, Height, 1, new PageBlockBuilder(), Budget).Blocks;

    [Fact]
    public void Aligned_columns_on_a_scan_become_a_table_and_the_text_around_it_keeps_its_lines()
    {
        var blocks = Blocks(
            Text(1, 1, 60, "The results are below."),
            Line(2, 2, 100, ("Item", 72), ("Qty", 250), ("Price", 400)),
            Line(2, 2, 116, ("Bolts", 72), ("200", 250), ("0.12", 400)),
            Line(2, 2, 132, ("Washers", 72), ("150", 250), ("0.03", 400)),
            Line(2, 2, 148, ("Hex", 72), ("nuts", 92), ("50", 250), ("0.05", 400)));

        Assert.Equal([BlockRole.Paragraph, BlockRole.Table], blocks.Select(b => b.Role));
        Assert.Equal("The results are below.", blocks[0].Text);
        var table = blocks[1].Table!;
        Assert.Equal((4, 3), (table.RowCount, table.ColumnCount));
        Assert.Contains(table.Cells, c => c is { Row: 3, Column: 0, Text: "Hex nuts" });
        // The table keeps its recognised words and their confidence.
        Assert.Equal(13, blocks[1].Words!.Count);
        Assert.Equal(0.9, blocks[1].Confidence);
    }

    [Fact]
    public void A_bar_read_out_of_a_cell_border_is_taken_off_the_word_it_touches_and_a_bracket_of_the_text_stays()
    {
        // "18,870|": the recogniser read the rule at x = 116.5 as the word's last sign.
        var line = Line(1, 1, 100, ("18,870|", 85), ("(415)", 140));
        var page = new OcrPage(Width, Height, [line]) { Rules = [new BoundingBox(115.5, 90, 117.5, 130)] };

        var blocks = Blocks(page);

        Assert.Equal(["18,870", "(415)"], blocks.SelectMany(b => b.Words ?? []).Select(w => w.Text));
    }

    [Fact]
    public void Two_cells_read_as_one_word_across_the_rule_between_them_are_two_words()
    {
        // "(box)}9": the recogniser read the rule at x ≈ 108 as "}" and ran the two cells together.
        var line = Line(1, 1, 100, ("paper", 50), ("(box)}9", 80));
        var glyph = WidthOf("(box)}9") / 7;
        var rule = 80 + 5.5 * glyph;
        var page = new OcrPage(Width, Height, [line]) { Rules = [new BoundingBox(rule - 1, 90, rule + 1, 130)] };

        var blocks = Blocks(page);

        Assert.Equal(["paper", "(box)", "9"], blocks.SelectMany(b => b.Words ?? []).Select(w => w.Text));
    }

    [Fact]
    public void A_line_whose_em_the_engine_overestimates_is_sized_by_its_words_and_is_no_heading()
    {
        // Figures 7 px tall (capital height at a 10 px em); the engine's baseline fit made their em 15 px.
        var figures = Line(2, 2, 100, ("Totals", 72), ("2,307", 108), ("1,135", 138));
        figures = figures with
        {
            FontSize = 15,
            Words = [.. figures.Words.Select(w => w with { Box = w.Box with { Top = w.Box.Top + 3 } })],
        };
        var blocks = Blocks(
            Text(1, 1, 60, "The totals of the year are given below for every region of the country."),
            Text(1, 1, 74, "They include the sales of the last quarter, which closed in December."),
            figures);

        Assert.DoesNotContain(blocks, b => b.Role is BlockRole.Heading or BlockRole.Title);
        Assert.Contains(blocks, b => b.Text == "Totals 2,307 1,135");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void A_booking_form_of_labels_and_values_on_aligned_rows_becomes_a_table_however_the_page_lay_on_the_scanner(int turns)
    {
        OcrLine[] lines =
        [
            Text(1, 1, 60, "Thank you for booking with us. Your reservation is confirmed as follows."),
            Line(2, 2, 100, ("Guest", 72), ("name:", 102), ("Maria", 220), ("Lopez", 250)),
            Line(2, 2, 118, ("Arrival:", 72), ("12", 220), ("May", 233), ("2024", 253)),
            Line(2, 2, 136, ("Departure:", 72), ("15", 220), ("May", 233), ("2024", 253)),
            Line(2, 2, 154, ("Room:", 72), ("Double,", 220), ("sea", 258), ("view", 276)),
            Line(2, 2, 172, ("Booking", 72), ("no.:", 110), ("BK-20931", 220)),
            Text(3, 3, 220, "Please bring this letter with you when you arrive."),
        ];
        // The image holds the page turned clockwise by quarter turns; the engine read it upright.
        var (width, height) = turns % 2 == 0 ? (Width, Height) : (Height, Width);
        var page = new OcrPage(width, height, [.. lines.Select(l => l with
        {
            Box = QuarterTurns.Turn(l.Box, turns, Width, Height),
            Words = [.. l.Words.Select(w => w with { Box = QuarterTurns.Turn(w.Box, turns, Width, Height), Upright = w.Box })],
        })]) { UprightWidth = Width, UprightHeight = Height };

        var blocks = OcrBlocks.Build(page, new PixelToPage(1, 1, 0, 0), width, height, 1, new PageBlockBuilder(), Budget).Blocks;

        Assert.Equal([BlockRole.Paragraph, BlockRole.Table, BlockRole.Paragraph], blocks.Select(b => b.Role));
        var table = blocks[1].Table!;
        Assert.Equal((5, 2), (table.RowCount, table.ColumnCount));
        Assert.Contains(table.Cells, c => c is { Row: 1, Column: 1, Text: "12 May 2024" });
        Assert.Contains(table.Cells, c => c is { Row: 4, Column: 0, Text: "Booking no.:" });
        // Boxes are where the words are on the image.
        Assert.Equal(QuarterTurns.Turn(lines[1].Words[0].Box, turns, Width, Height), blocks[1].Words![0].Box);
    }

    [Fact]
    public void Two_columns_that_the_engine_read_across_are_read_column_by_column()
    {
        // The engine took each row of both columns as one line: the gutter is 4 ems wide.
        string[] left = ["The left column starts here and", "goes on for a few lines of text", "until it ends at the bottom."];
        string[] right = ["The right column comes after it", "and has lines of its own that", "should be read after the left."];
        var lines = new List<OcrLine>();
        for (var i = 0; i < 3; i++)
        {
            var row = Text(1, 1, 100 + 14 * i, left[i]);
            var other = Text(1, 1, 100 + 14 * i, right[i], 320);
            lines.Add(row with { Words = [.. row.Words, .. other.Words], Box = row.Box.Union(other.Box) });
        }

        var blocks = Blocks([.. lines]);

        Assert.Equal([string.Join(' ', left), string.Join(' ', right)], blocks.Select(b => b.Text));
    }

    [Fact]
    public void Paragraphs_the_engine_set_apart_without_space_between_them_stay_apart()
    {
        var blocks = Blocks(
            Text(1, 1, 100, "Accessibility: writers no longer needed expensive publishing"),
            Text(1, 1, 114, "equipment to create polished work."),
            Text(1, 2, 128, "Education: word processors became a cornerstone of education,"),
            Text(1, 2, 142, "teaching students how to write essays."));

        Assert.Equal(["Accessibility: writers no longer needed expensive publishing equipment to create polished work.",
            "Education: word processors became a cornerstone of education, teaching students how to write essays."], blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_typescript_keeps_its_lines_whole_across_the_wide_gaps_a_typewriter_leaves_after_a_full_stop()
    {
        // Every letter 6 px wide, two spaces (12 px, more than an em) after each full stop.
        OcrLine Typed(double top, string text)
        {
            var words = new List<OcrWord>();
            var left = 72.0;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(new OcrWord(word, new BoundingBox(left, top, left + 6 * word.Length - 2, top + 10), 0.9));
                left += 6 * word.Length + (word.EndsWith('.') ? 12 : 6);
            }
            return new OcrLine(words, words.Select(w => w.Box).Aggregate((a, b) => a.Union(b)), 1, 1, 10) { Baseline = top + 8 };
        }
        string[] text =
        [
            "In facsimile a photocell is caused to perform a raster scan over",
            "the subject copy. The variations of print density on the document",
            "cause the photocell to generate an analogous electrical signal.",
            "This signal is used to modulate a carrier, which is transmitted.",
        ];

        var blocks = Blocks([.. text.Select((t, i) => Typed(100 + 14 * i, t))]);

        Assert.Equal(string.Join(' ', text), Assert.Single(blocks).Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_page_is_fixed_pitch_when_its_words_are_as_wide_as_their_letter_count_says(bool typed)
    {
        string[] words = ["little", "women", "million", "WOMAN", "illicit", "maximum", "filled", "mommy", "jilt", "wow"];
        var measured = Enumerable.Range(0, 3).SelectMany(_ => words).Select(w => (w, typed ? 6.0 * w.Length - 2 : WidthOf(w)));
        Assert.Equal(typed, FixedPitch.Holds(measured));
    }

    [Fact]
    public void A_scan_read_upright_is_laid_out_upright_and_its_words_keep_their_boxes_on_the_image()
    {
        // The page lies upside down on the image: the engine read it turned half round, and the words'
        // boxes on the image are those of the upright reading turned back.
        var upright = new[]
        {
            Text(1, 1, 100, "First line of the page."),
            Text(1, 1, 114, "Second line of the page."),
        };
        BoundingBox Turned(BoundingBox b) => new(Width - b.Right, Height - b.Bottom, Width - b.Left, Height - b.Top);
        var lines = upright.Select(l => l with
        {
            Box = Turned(l.Box),
            Words = [.. l.Words.Select(w => w with { Box = Turned(w.Box), Upright = w.Box })],
        }).ToArray();

        var block = Assert.Single(Blocks(lines));

        Assert.Equal("First line of the page. Second line of the page.", block.Text);
        Assert.Equal("First", block.Words![0].Text);
        Assert.Equal(Turned(upright[0].Words[0].Box), block.Words[0].Box);
        Assert.True(block.Provenance!.Box!.Value.Top > Height / 2);
    }

    [Fact]
    public void A_page_whose_layout_runs_out_of_time_keeps_its_words_in_the_order_they_were_recognised()
    {
        var page = new OcrPage(Width, Height,
        [
            Text(1, 1, 100, "The first line."),
            Line(2, 2, 130, ("Item", 72), ("Qty", 250)),
            Line(2, 2, 146, ("Bolts", 72), ("200", 250)),
        ]);

        var laid = OcrBlocks.Build(page, new PixelToPage(1, 1, 0, 0), Width, Height, 1, new PageBlockBuilder(), TimeSpan.Zero);

        Assert.Equal(ErrorCode.ProcessingError, laid.Warning?.Code);
        Assert.Contains("time budget", laid.Warning!.Message);
        Assert.Equal("The first line. Item Qty Bolts 200", string.Join(' ', laid.Blocks.Select(b => b.Text)));
        Assert.Equal(7, laid.Blocks.Sum(b => b.Words!.Count));
    }

    [Fact]
    public async Task A_running_head_and_page_numbers_on_every_scanned_page_are_page_furniture()
    {
        var engine = new ScriptedEngine(number => new OcrPage(Width, Height,
        [
            Text(1, 1, 30, "ACME Holdings Quarterly Review", 200),
            Text(2, 2, 120, $"This is the body text of page {number}, which runs over a few lines"),
            Text(2, 2, 134, "of ordinary prose so that the page has a body of its own to it."),
            Text(3, 3, 750, number.ToString(), 300),
        ]));
        var document = await Convert(engine);

        Assert.Equal(2, document.Pages.Count);
        Assert.All(document.Blocks.Where(b => b.Text.StartsWith("ACME")), b => Assert.Equal(BlockRole.PageHeader, b.Role));
        Assert.All(document.Blocks.Where(b => b.Text is "1" or "2"), b => Assert.Equal(BlockRole.PageFooter, b.Role));
        Assert.Equal(4, document.Blocks.Count(b => b.Role is BlockRole.PageHeader or BlockRole.PageFooter));
        Assert.Equal(2, document.Blocks.Count(b => b.Role == BlockRole.Paragraph));
    }

    private static Task<DocumentModel> Convert(IOcrEngine engine) =>
        DocumentConverter.CreateDefault(new ReaderSettings { Ocr = engine }).ConvertAsync(new MemoryStream(TestData.Bytes("image/two_pages.tif")),
            new ConversionRequest("two.tif", FileKind.Tiff, ConversionOptions.Default));

    /// <summary>An engine that reads the n-th page it is given as the script says, whatever the image.</summary>
    private sealed class ScriptedEngine(Func<int, OcrPage> script) : IOcrEngine
    {
        private int _calls;

        public IReadOnlyList<string> InstalledLanguages => ["eng"];

        public int MaxParallelism => 1;

        public Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken) =>
            Task.FromResult(script(Interlocked.Increment(ref _calls)));
    }
}
