using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Tables;
using static DocStrange.Extraction.Tests.Layout.Words;

namespace DocStrange.Extraction.Tests.Layout;

public class TableDetectionTests
{
    // A statement's row: a 9-point label at the left margin, its figure right-aligned at x = 500.
    private static List<LayoutWord> LabelAndValue(string label, string value, double y)
    {
        var words = label.Length > 0 ? Phrase(label, 72, y, 9) : [];
        if (value.Length > 0) words.Add(Word(value, 500 - value.Length * 4.5, y, 9));
        return words;
    }

    private static string[][] Rows(Table table)
    {
        var grid = table.ToGrid();
        return Enumerable.Range(0, table.RowCount)
            .Select(r => Enumerable.Range(0, table.ColumnCount).Select(c => grid[r, c] is { } cell && cell.Row == r && cell.Column == c ? cell.Text : "^").ToArray())
            .ToArray();
    }

    [Fact]
    public void A_grid_of_rulings_open_at_its_sides_gives_cells_with_spans()
    {
        // Horizontal rules across the whole width; verticals only between the columns, and the one
        // between the last two columns stops below the header, so "Scores" spans them.
        Ruling H(double y) => new(72, y, 372, y);
        Ruling V(double x, double y1) => new(x, y1, x, 160);
        var rulings = new[] { H(100), H(120), H(140), H(160), V(172, 100), V(272, 120) };
        var words = new List<LayoutWord>();
        words.AddRange(Phrase("Name", 80, 114));
        words.AddRange(Phrase("Scores", 180, 114));
        words.AddRange(Phrase("Ann", 80, 134));
        words.AddRange(Phrase("7", 180, 134));
        words.AddRange(Phrase("9", 280, 134));
        words.AddRange(Phrase("Bob", 80, 154));
        words.AddRange(Phrase("5", 180, 154));
        words.AddRange(Phrase("6", 280, 154));
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal([["Name", "Scores", "^"], ["Ann", "7", "9"], ["Bob", "5", "6"]], Rows(region.Table));
        Assert.Equal(new TableCell(0, 1, "Scores", ColumnSpan: 2, IsHeader: true), region.Table.Cells[1]);
        Assert.Equal(8, region.Words.Count);
    }

    [Fact]
    public void The_edges_of_shading_drawn_inside_cells_make_no_columns_of_their_own()
    {
        // Borders at 72, 172 and 272 drawn down the whole table; each cell's shading inset 3 points, its
        // sides drawn in the header row only. Text stands in the middle of each column.
        double[] separators = [72, 75, 169, 172, 175, 269, 272];
        double Coverage(double x) => x is 72 or 172 or 272 ? 40 : 14;
        Assert.Equal([72, 172, 272], RuledTableDetector.WithoutPadding([.. separators], [(110, 130), (210, 230)], 10, Coverage));
        // Strips as wide as the text, or holding text, stay columns; a word running across a strip (160–180 over 169–172) is not text in it.
        Assert.Equal(separators, RuledTableDetector.WithoutPadding([.. separators], [(110, 130), (210, 230)], 2, Coverage));
        Assert.Equal([72, 75, 172, 272], RuledTableDetector.WithoutPadding([.. separators], [(72.5, 73.5), (110, 130), (210, 230), (160, 180)], 10, Coverage));
        // A table nested in a cell: rules run from both of a pair across other columns, so both stay.
        bool Borders(double x) => x is 72 or 75 or 169 or 172;
        Assert.Equal([72, 75, 169, 172, 272], RuledTableDetector.WithoutPadding([.. separators], [(110, 130), (210, 230)], 10, Coverage, Borders));
    }

    [Fact]
    public void A_table_ruled_across_only_takes_its_columns_from_the_rows_under_its_header()
    {
        // Rules above, under the header and below; the header's two lines span two value columns.
        Ruling H(double y) => new(72, y, 330, y);
        var rulings = new[] { H(100), H(124), H(180) };
        var words = new List<LayoutWord>();
        words.AddRange(Phrase("Dose", 80, 110));
        words.AddRange(Phrase("Body weight and share", 180, 110));
        words.AddRange(Phrase("of the controls", 185, 120));
        string[][] body = [["0", "5.8", "100"], ["250", "5.9", "102"], ["500", "6.0", "103"]];
        for (var r = 0; r < body.Length; r++)
        {
            words.AddRange(Phrase(body[r][0], 80, 140 + r * 16));
            words.AddRange(Phrase(body[r][1], 190, 140 + r * 16));
            words.AddRange(Phrase(body[r][2], 280, 140 + r * 16));
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal(3, region.Table.ColumnCount);
        Assert.Equal(["Dose", "Body weight and share of the controls"], Rows(region.Table)[0][..2]);
        Assert.Equal(["250", "5.9", "102"], Rows(region.Table)[2]);
    }

    // A table ruled across only, with two column groups each ruled off under its heading: rules at
    // top, under the group headings (two shorter rules), under the column heads and at the bottom.
    private static (List<LayoutWord> Words, List<Ruling> Rulings) GroupedTable(double top)
    {
        var rulings = new List<Ruling> { new(72, top, 400, top), new(120, top + 14, 255, top + 14), new(265, top + 14, 400, top + 14), new(72, top + 28, 400, top + 28), new(72, top + 80, 400, top + 80) };
        var words = new List<LayoutWord>();
        words.AddRange(Phrase("Age", 80, top + 22));
        words.AddRange(Phrase("Women", 160, top + 10));
        words.AddRange(Phrase("Men", 308, top + 10));
        foreach (var (head, x) in new[] { ("no.", 130), ("Rate", 190), ("no.", 275), ("Rate", 340) }) words.AddRange(Phrase(head, x, top + 24));
        string[][] body = [["45–54", "47", "21.8", "164", "81.0"], ["55–64", "116", "85.5", "241", "191.7"], ["65–74", "164", "234.9", "256", "424.4"]];
        for (var r = 0; r < body.Length; r++)
        {
            words.AddRange(Phrase(body[r][0], 80, top + 42 + r * 14));
            for (var c = 1; c < 5; c++) words.AddRange(Phrase(body[r][c], c < 3 ? 130 + (c - 1) * 60 : 275 + (c - 3) * 65, top + 42 + r * 14));
        }
        return (words, rulings);
    }

    [Fact]
    public void Shorter_rules_inside_a_table_ruled_across_only_part_its_column_group_headings_from_the_column_heads()
    {
        var (words, rulings) = GroupedTable(100);
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        var rows = Rows(region.Table);
        Assert.Equal(5, region.Table.ColumnCount);
        Assert.Equal(["Women", "^", "Men", "^"], rows[0][1..]);
        Assert.Equal(["no.", "Rate", "no.", "Rate"], rows[1][1..]);
        Assert.Equal(["55–64", "116", "85.5", "241", "191.7"], rows[3]);
    }

    [Fact]
    public void A_note_and_the_next_caption_between_two_tables_ruled_across_part_them()
    {
        var (first, firstRules) = GroupedTable(100);
        var (second, secondRules) = GroupedTable(260);
        var words = first.Concat(second).ToList();
        words.AddRange(Phrase("Abbreviation: CI = confidence interval, per 100,000 standard population of the states.", 72, 196));
        words.AddRange(Phrase("TABLE 2. Number of deaths and death rates for stroke among adults, by age group and sex", 72, 240));
        var regions = RuledTableDetector.Instance.Detect(Page(words, [.. firstRules, .. secondRules]), Lines(words));
        Assert.Equal(2, regions.Count);
        Assert.All(regions, r => Assert.Equal(5, r.Table.ColumnCount));
        Assert.DoesNotContain(regions.SelectMany(r => r.Words), w => w.Text is "Abbreviation:" or "TABLE");
    }

    [Fact]
    public void A_head_word_reaching_a_little_past_a_column_gap_stays_in_its_column()
    {
        // "Age group" over a column of labels: its last letters stand over the gap before the figures, so
        // only the rows under the head's rule part the two columns, and "group" crosses that separator.
        Ruling H(double y) => new(72, y, 300, y);
        var words = new List<LayoutWord>();
        words.AddRange(Phrase("Age group", 72, 110));
        words.AddRange(Phrase("Deaths", 125, 110));
        words.AddRange(Phrase("Rate", 200, 110));
        string[][] body = [["45–54yr", "47", "21.8"], ["55–64yr", "116", "85.5"], ["65–74yr", "164", "234.9"]];
        for (var r = 0; r < body.Length; r++)
        {
            words.AddRange(Phrase(body[r][0], 72, 130 + r * 14));
            words.AddRange(Phrase(body[r][1], 116.5, 130 + r * 14));
            words.AddRange(Phrase(body[r][2], 200, 130 + r * 14));
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [H(100), H(116), H(170)]), Lines(words)));
        Assert.Equal(["Age group", "Deaths", "Rate"], Rows(region.Table)[0]);
        Assert.Equal(["55–64yr", "116", "85.5"], Rows(region.Table)[2]);
    }

    [Fact]
    public void Section_labels_set_across_the_columns_do_not_hide_the_gaps_between_them()
    {
        Ruling H(double y) => new(72, y, 330, y);
        var words = new List<LayoutWord>();
        foreach (var (head, x) in new[] { ("Source", 72.0), ("2007", 200.0), ("2008", 245.0) }) words.AddRange(Phrase(head, x, 110));
        var y = 128.0;
        foreach (var section in new[] { "Projected enrollment, in thousands", "Difference from actual, in percent" })
        {
            words.AddRange(Phrase(section, 150, y));
            y += 14;
            foreach (var (label, a, b) in new[] { ("Projections 2017", "49,644", "49,825"), ("Projections 2018", "49,470", "49,623") })
            {
                words.AddRange(Phrase(label, 72, y));
                words.AddRange(Phrase(a, 200, y));
                words.AddRange(Phrase(b, 245, y));
                y += 14;
            }
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, [H(100), H(116), H(y)]), Lines(words)));
        var rows = Rows(region.Table);
        Assert.Equal(3, region.Table.ColumnCount);
        Assert.Contains(["Projections 2018", "49,470", "49,623"], rows);
    }

    [Fact]
    public void Confidence_intervals_and_the_counts_beside_them_are_two_columns_though_close()
    {
        // "(16.0–29.0) 1,564": figures a third of an em apart, as a statistical table sets its columns.
        var words = new List<LayoutWord>();
        foreach (var (range, count, y) in new[] { ("(16.0–29.0)", "1,564", 120.0), ("(69.9–101.0)", "2,636", 134.0), ("(199.0–270.9)", "3,859", 148.0) })
        {
            words.Add(Word(range, 165 - range.Length * 5, y));
            words.Add(Word(count, 170, y));
        }
        Assert.Equal([167.5], TextSeparators.Columns(words, 90, 200, 8, 1, 1));
    }

    // A grid of three rows and four columns ruled down to y = 148, in a frame down to `bottom`.
    private static (List<LayoutWord> Words, List<Ruling> Rulings, string[][] Rows) GridInFrame(double bottom)
    {
        var rulings = new List<Ruling> { new(72, 100, 472, 100), new(72, bottom, 472, bottom), new(72, 100, 72, bottom), new(472, 100, 472, bottom) };
        foreach (var y in new double[] { 120, 134, 148 }) rulings.Add(new(72, y, 472, y));
        foreach (var x in new double[] { 172, 272, 372 }) rulings.Add(new(x, 100, x, 148));
        var words = new List<LayoutWord>();
        string[][] rows = [["State", "Tested", "Exempt", "Scores"], ["VA", "Yes", "No", "53"], ["WA", "Yes", "No", "na"]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < 4; c++) words.AddRange(Phrase(rows[r][c], 80 + c * 100, 114 + r * 14));
        }
        return (words, rulings, rows);
    }

    [Fact]
    public void Notes_inside_a_table_frame_under_its_last_row_are_text_under_the_table()
    {
        // A boxed grid of states and answers whose frame also holds its notes.
        var (words, rulings, rows) = GridInFrame(200);
        words.AddRange(Phrase("Note: na means not available.", 80, 162));
        words.AddRange(Phrase("a In Alaska and Nebraska no districts exceeded the cap this year.", 80, 176));
        words.AddRange(Phrase("Source: interviews, 2004 and 2006.", 80, 190));
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal(rows, Rows(region.Table));
        Assert.DoesNotContain(region.Words, w => w.Text is "Note:" or "Alaska" or "Source:");
    }

    [Fact]
    public void A_last_row_of_one_short_cell_stays_in_the_table()
    {
        var (words, rulings, _) = GridInFrame(162);
        words.AddRange(Phrase("All states answered.", 80, 158));
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Contains(region.Words, w => w.Text == "answered.");
    }

    [Fact]
    public void Row_rules_left_out_of_the_label_column_still_part_its_labels()
    {
        // The label column is ruled only above and below; the value columns have a rule under every row.
        var rulings = new List<Ruling> { new(72, 100, 372, 100), new(72, 180, 372, 180) };
        foreach (var x in new double[] { 72, 172, 272, 372 }) rulings.Add(new(x, 100, x, 180));
        foreach (var y in new double[] { 120, 140, 160 }) rulings.Add(new(172, y, 372, y));
        string[][] rows = [["Salaries", "1,314", "373"], ["Benefits", "352", "99"], ["Travel", "94", "20"], ["Rent", "170", "11"]];
        var words = new List<LayoutWord>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < 3; c++) words.AddRange(Phrase(rows[r][c], 80 + c * 100, 114 + r * 20));
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal(rows, Rows(region.Table));
    }

    // A grid of figures ruled under every row, from x = 172 to 372, rows 20 points high from y = 100.
    private static List<Ruling> FigureGrid(int rows)
    {
        var rulings = new List<Ruling>();
        for (var r = 0; r <= rows; r++) rulings.Add(new(172, 100 + r * 20, 372, 100 + r * 20));
        foreach (var x in new double[] { 172, 272, 372 }) rulings.Add(new(x, 100, x, 100 + rows * 20));
        return rulings;
    }

    [Fact]
    public void Row_labels_standing_left_of_a_ruled_grid_are_its_first_column()
    {
        string[][] rows = [["Alcona", "963", "439"], ["Caledonia", "923", "393"], ["City Harrisville", "389", "171"], ["Curtis", "1026", "349"]];
        var words = new List<LayoutWord>();
        for (var r = 0; r < rows.Length; r++)
        {
            words.AddRange(Phrase(rows[r][0], 80, 114 + r * 20));
            for (var c = 1; c < 3; c++) words.AddRange(Phrase(rows[r][c], 80 + c * 100, 114 + r * 20));
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, FigureGrid(rows.Length)), Lines(words)));
        Assert.Equal(rows, Rows(region.Table));
    }

    [Fact]
    public void An_empty_spacer_row_joins_no_cell_to_the_total_under_it()
    {
        // A total ruled off by a spacer row; the total's own rules leave out its first column, as the figure there stands proud.
        var rulings = new List<Ruling>();
        foreach (var y in new double[] { 100, 120, 140 }) rulings.Add(new(72, y, 372, y));
        foreach (var y in new double[] { 150, 170 }) rulings.Add(new(172, y, 372, y));
        foreach (var x in new double[] { 72, 172, 272, 372 }) rulings.Add(new(x, 100, x, 170));
        string[][] rows = [["Alcona", "963", "439"], ["Curtis", "1026", "349"], ["Totals", "1989", "788"]];
        var words = new List<LayoutWord>();
        for (var r = 0; r < rows.Length; r++)
        {
            var y = r < 2 ? 114 + r * 20 : 164;
            for (var c = 0; c < 3; c++) words.AddRange(Phrase(rows[r][c], 80 + c * 100, y));
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
        Assert.Equal(rows, Rows(region.Table));
    }

    [Fact]
    public void Prose_beside_a_ruled_grid_stays_out_of_it()
    {
        // Lines 13 points apart beside rows 20 apart: they straddle the grid's rules.
        var words = Column(["A note set in the margin", "beside the grid, which", "reads on over several", "lines of its own text", "and ends here."], 40, 112, leading: 13);
        for (var r = 0; r < 4; r++)
        {
            words.AddRange(Phrase($"{r + 1}0", 180, 114 + r * 20));
            words.AddRange(Phrase($"{r + 2}5", 280, 114 + r * 20));
        }
        var region = Assert.Single(RuledTableDetector.Instance.Detect(Page(words, FigureGrid(4)), Lines(words)));
        Assert.DoesNotContain(region.Words, w => w.Box.Right < 172);
    }

    [Fact]
    public void A_box_around_a_paragraph_is_no_table()
    {
        var words = Column(["A framed note that runs over two lines", "of text with no columns in it at all."], 80, 120);
        var rulings = new[] { new Ruling(72, 100, 400, 100), new Ruling(72, 140, 400, 140), new Ruling(72, 100, 72, 140), new Ruling(400, 100, 400, 140) };
        Assert.Empty(RuledTableDetector.Instance.Detect(Page(words, rulings), Lines(words)));
    }

    [Fact]
    public void Aligned_columns_without_rulings_make_a_table()
    {
        var words = new List<LayoutWord>();
        string[][] rows = [["Item", "Qty", "Price"], ["Bolts", "200", "0.12"], ["Washers", "150", "0.03"], ["Hex nuts", "50", "0.05"]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < 3; c++) words.AddRange(Phrase(rows[r][c], 72 + c * 150, 100 + r * 16));
        }
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal(rows, Rows(region.Table));
    }

    [Fact]
    public void Rows_of_figures_under_a_longer_row_stay_rows_of_their_own()
    {
        // Two blocks of figures side by side, the right one shorter: the left block's last rows fill
        // only columns the row above fills, as a wrapped cell would, but figures do not wrap.
        var words = new List<LayoutWord>();
        string[][] rows = [["1", "100", "25", "124"], ["2", "101", "26", "125"], ["3", "102", "27", "126"], ["4", "103"], ["5", "104"]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++) words.AddRange(Phrase(rows[r][c], 72 + c * 60, 100 + r * 14));
        }
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal(5, region.Table.RowCount);
        Assert.Equal(["4", "103", "", ""], Rows(region.Table)[3]);
    }

    [Fact]
    public void Under_the_header_rows_of_several_short_cells_are_rows_and_text_that_reads_on_continues_its_cell()
    {
        var words = new List<LayoutWord>();
        void Row(int r, params string?[] cells)
        {
            for (var c = 0; c < cells.Length; c++) if (cells[c] is { } text) words.AddRange(Phrase(text, 72 + c * 110, 100 + r * 12));
        }
        Row(0, "Outer", "Long", "Inner", "Notes");
        Row(1, "A1", "C1", "E1", "Cars, buses and");
        Row(2, null, "C2", null, "F2");
        Row(3, null, "C3", null, "F3");
        Row(4, "A4", "C4", "E4", "Utilities, steel and");
        Row(5, null, "chemical plants", null, "refineries, mills");
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        var rows = Rows(region.Table);
        Assert.Equal(5, rows.Length);
        Assert.Equal(["", "C2", "", "F2"], rows[2]);
        Assert.Equal(["A4", "C4 chemical plants", "E4", "Utilities, steel and refineries, mills"], rows[4]);
    }

    [Fact]
    public void A_table_in_a_right_to_left_script_starts_from_its_right_hand_column()
    {
        var words = new List<LayoutWord>();
        // Labels on the right, values on the left, as an Arabic or Persian form sets them.
        string[][] rows = [["20300", "شماره", "استاندارد"], ["1403", "تاريخ", "پذيرش"], ["436", "جلسه", "کميته"]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < 3; c++) words.AddRange(Phrase(rows[r][c], 72 + c * 150, 100 + r * 16));
        }
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal(rows.Select(r => r.Reverse().ToArray()).ToArray(), Rows(region.Table));
    }

    [Fact]
    public void A_cell_reads_its_line_left_to_right_though_a_word_sits_a_hair_higher()
    {
        var grid = new CellGrid([0, 150, 300], [0, 30, 60]);
        List<LayoutWord> words = [Word("Year", 10, 20.4), Word("Freshwater", 60, 20), Word("Ducks", 160, 20), Word("2019", 10, 50), Word("120", 160, 50)];
        var table = grid.ToTable(words, DocStrange.Extraction.Layout.Lines.LineBuilder.Instance)!;
        Assert.Equal("Year Freshwater", table.Cells.Single(c => c is { Row: 0, Column: 0 }).Text);
    }

    [Fact]
    public void Two_columns_of_running_text_are_no_table()
    {
        var left = Enumerable.Range(0, 8).Select(i => $"this is line {i} of a paragraph in the left column");
        var right = Enumerable.Range(0, 8).Select(i => $"and line {i} of the paragraph in the right column");
        var words = Column(left, 72, 100).Concat(Column(right, 330, 100)).ToList();
        Assert.Empty(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
    }

    [Fact]
    public void A_contents_page_is_a_table_of_entries_and_page_numbers()
    {
        var words = new List<LayoutWord>();
        (string Entry, string Page)[] entries = [("Preface", "xi"), ("1 Getting started", "1"), ("2 Going further", "15")];
        for (var i = 0; i < entries.Length; i++)
        {
            var line = Phrase(entries[i].Entry + " . . . . . . .", 72, 100 + i * 14);
            line.Add(Word(entries[i].Page, line[^1].Box.Right + 3, 100 + i * 14));
            words.AddRange(line);
        }
        var region = Assert.Single(LeaderTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal([["Preface . . . . . . .", "xi"], ["1 Getting started . . . . . . .", "1"], ["2 Going further . . . . . . .", "15"]], Rows(region.Table));
    }

    [Fact]
    public void Bullets_beside_a_wrapped_paragraph_are_no_table()
    {
        string[] lines = ["Excellence can help you achieve and exceed", "your business requirements and gain more", "confidence in the products and solutions", "that manage your data every day."];
        var words = new List<LayoutWord>();
        for (var i = 0; i < lines.Length; i++)
        {
            words.Add(Word("•", 72, 100 + i * 14));
            words.AddRange(Phrase(lines[i], 120, 100 + i * 14));
        }
        Assert.Empty(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
    }

    [Fact]
    public void Aligned_figures_in_a_fixed_pitch_face_are_a_table_on_a_typewritten_page_and_code_elsewhere()
    {
        static List<LayoutWord> Figures(FontTraits traits)
        {
            var words = new List<LayoutWord>();
            foreach (var (age, share, y) in new[] { ("20-29", "0.2650", 400.0), ("30-39", "0.2046", 412.0), ("40-49", "0.1477", 424.0), ("50-59", "0.1514", 436.0) })
            {
                words.Add(Word(age, 72, y, 10, traits));
                words.Add(Word(share, 194, y, 10, traits));
            }
            return words;
        }
        var figures = Figures(FontTraits.Monospace);
        var typed = figures.Concat(Column(["Following are proportions based on the census that should be used", "in analyses of age groups twenty years and older, as below."], 72, 360, traits: FontTraits.Monospace)).ToList();
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(typed), Lines(typed)));
        Assert.Equal([["20-29", "0.2650"], ["30-39", "0.2046"], ["40-49", "0.1477"], ["50-59", "0.1514"]], Rows(region.Table));

        var printed = figures.Concat(Column(["Following are proportions based on the census that should be used", "in analyses of age groups twenty years and older, as below."], 72, 360)).ToList();
        Assert.Empty(AlignedTableDetector.Instance.Detect(Page(printed), Lines(printed)));
    }

    [Fact]
    public void Section_labels_and_a_total_set_apart_stay_in_one_table_and_a_footer_far_below_does_not()
    {
        var words = new List<LayoutWord>();
        void Row(string label, string value, double y) => words.AddRange(LabelAndValue(label, value, y));
        Row("Class A", "", 180);
        Row("Net asset value", "5,111,372", 202);
        Row("Outstanding units", "49,136", 224);
        Row("Value per unit", "104.03", 246);
        Row("Class B", "", 279);
        Row("Net asset value", "49,144,825", 301);
        Row("Outstanding units", "471,555", 323);
        Row("Value per unit", "104.22", 345);
        Row("Total for the period", "1,969,797", 372);
        Row("Annex", "209", 460);
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal(
            [["Net asset value", "5,111,372"], ["Outstanding units", "49,136"], ["Value per unit", "104.03"], ["Class B", ""], ["Net asset value", "49,144,825"],
             ["Outstanding units", "471,555"], ["Value per unit", "104.22"], ["Total for the period", "1,969,797"]],
            Rows(region.Table));
    }

    [Fact]
    public void Under_the_header_a_lone_label_is_a_section_row_and_a_label_broken_mid_phrase_goes_on()
    {
        var words = new List<LayoutWord>();
        void Row(double y, params (string Text, double Left)[] cells)
        {
            foreach (var (text, left) in cells) words.AddRange(Phrase(text, left, y, 9));
        }
        Row(95, ("Characteristic", 72), ("no.", 250), ("Rate", 320));
        Row(111, ("Sex", 72));
        Row(122, ("Female", 72), ("200,915", 250), ("103.1", 320));
        Row(133, ("Male", 72), ("224,510", 250), ("176.5", 320));
        Row(144, ("Race", 72));
        Row(155, ("American Indian/", 72), ("1,880", 250), ("97.4", 320));
        Row(166, ("Alaska Native", 72));
        Row(177, ("Black", 72), ("44,530", 250), ("161.6", 320));
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal(
            [["Characteristic", "no.", "Rate"], ["Sex", "", ""], ["Female", "200,915", "103.1"], ["Male", "224,510", "176.5"], ["Race", "", ""],
             ["American Indian/ Alaska Native", "1,880", "97.4"], ["Black", "44,530", "161.6"]],
            Rows(region.Table).Select(r => r.Select(t => t.Replace('\n', ' ')).ToArray()).ToArray());
    }

    [Fact]
    public void A_year_over_the_value_column_heads_the_table_with_the_section_label_under_it()
    {
        var words = new List<LayoutWord>();
        void Row(string label, string value, double y) => words.AddRange(LabelAndValue(label, value, y));
        Row("", "2016", 144);
        Row("Class A", "", 166);
        Row("Net asset value", "5,111,372", 188);
        Row("Outstanding units", "49,136", 210);
        Row("Value per unit", "104.03", 232);
        var region = Assert.Single(AlignedTableDetector.Instance.Detect(Page(words), Lines(words)));
        Assert.Equal(
            [["", "2016"], ["Class A", ""], ["Net asset value", "5,111,372"], ["Outstanding units", "49,136"], ["Value per unit", "104.03"]],
            Rows(region.Table).Select(r => r.Select(t => t == "^" ? "" : t).ToArray()).ToArray());
    }
}
