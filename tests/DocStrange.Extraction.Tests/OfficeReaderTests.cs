using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

/// <summary>What the golden files do not show: spans, furniture in JSON only, hidden pages, notes, page selection and limits.</summary>
public class OfficeReaderTests
{
    private static Task<DocumentModel> ConvertFixture(string fixture, ConversionOptions? options = null) =>
        DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), options);

    [Fact]
    public async Task Word_runs_carry_bold_italic_code_and_link_spans()
    {
        var document = await ConvertFixture("docx/features.docx");
        var runs = document.Blocks.Single(b => b.Text.StartsWith("Plain,", StringComparison.Ordinal));
        Assert.Equal("Plain, bold, italic, code and a link. A note[1] ends here.", runs.Text);
        Assert.Equal(
            [("bold", InlineStyle.Bold, null), ("italic", InlineStyle.Italic, null), ("code", InlineStyle.Code, null), ("a link", InlineStyle.Link, "https://example.com/docs")],
            runs.Spans!.Select(s => (runs.Text.Substring(s.Start, s.Length), s.Style, s.Href)));
    }

    [Fact]
    public async Task Word_struck_runs_carry_a_strikethrough_span()
    {
        var body = "<w:p><w:r><w:t xml:space=\"preserve\">kept </w:t></w:r><w:r><w:rPr><w:strike/></w:rPr><w:t>struck</w:t></w:r>" +
            "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:rPr><w:dstrike/></w:rPr><w:t>twice</w:t></w:r>" +
            "<w:r><w:rPr><w:strike w:val=\"0\"/></w:rPr><w:t xml:space=\"preserve\"> plain</w:t></w:r></w:p>";
        var (text, spans) = await StyledParagraph(body);
        Assert.Equal("kept struck twice plain", text);
        Assert.Equal([("struck", InlineStyle.Strikethrough), ("twice", InlineStyle.Strikethrough)], spans);
    }

    // The one paragraph of a document body, and the text and style of each of its spans.
    private static async Task<(string Text, List<(string, InlineStyle)> Spans)> StyledParagraph(string body)
    {
        var document = await OfficeFiles.Convert(OfficeFiles.Zip(OfficeFiles.Docx(body)), "styled.docx");
        var block = Assert.Single(document.Blocks);
        return (block.Text, [.. (block.Spans ?? []).Select(s => (block.Text.Substring(s.Start, s.Length), s.Style))]);
    }

    [Fact]
    public async Task Word_raised_and_lowered_runs_carry_superscript_and_subscript_spans()
    {
        var body = "<w:p><w:r><w:t>E=mc</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>2</w:t></w:r>" +
            "<w:r><w:t xml:space=\"preserve\"> and CO</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"subscript\"/></w:rPr><w:t>2</w:t></w:r>" +
            "<w:r><w:rPr><w:vertAlign w:val=\"baseline\"/></w:rPr><w:t xml:space=\"preserve\"> gas</w:t></w:r></w:p>";
        var (text, spans) = await StyledParagraph(body);
        Assert.Equal("E=mc2 and CO2 gas", text);
        Assert.Equal([("2", InlineStyle.Superscript), ("2", InlineStyle.Subscript)], spans);
    }

    [Fact]
    public async Task Word_headers_and_footers_are_in_json_but_not_in_markdown()
    {
        var document = await ConvertFixture("docx/features.docx");
        Assert.Equal([(BlockRole.PageHeader, "Running header"), (BlockRole.PageFooter, "Page footer")],
            document.Blocks.Where(b => b.Role is BlockRole.PageHeader or BlockRole.PageFooter).Select(b => (b.Role, b.Text)));
        var markdown = DocumentExporters.ExportToString(document, OutputFormat.Markdown);
        Assert.DoesNotContain("Running header", markdown);
        Assert.Contains("\"text\": \"Running header\"", DocumentExporters.ExportToString(document, OutputFormat.Json));
    }

    [Fact]
    public async Task Word_footnotes_follow_the_body_numbered_by_reference()
    {
        var document = await ConvertFixture("docx/features.docx");
        var note = Assert.Single(document.Blocks, b => b.Role == BlockRole.Footnote);
        Assert.Equal("[1] The footnote text.", note.Text);
        Assert.Equal(BlockRole.PageFooter, document.Blocks[^1].Role);
    }

    [Fact]
    public async Task Hidden_sheets_are_converted_and_flagged()
    {
        var document = await ConvertFixture("xlsx/formats.xlsx");
        Assert.Equal([(1, false), (2, false), (3, true)], document.Pages.Select(p => (p.Number, p.Hidden)));
        Assert.Contains(document.Blocks, b => b is { Role: BlockRole.Heading, Text: "Hidden (hidden)" });
        Assert.Contains("\"hidden\": true", DocumentExporters.ExportToString(document, OutputFormat.Json));
    }

    [Fact]
    public async Task Sheets_are_pages_for_page_selection()
    {
        var document = await ConvertFixture("xlsx/formats.xlsx", new ConversionOptions { Pages = PageSelection.Parse("2") });
        Assert.Equal([2], document.Pages.Select(p => p.Number));
        Assert.Equal(3, document.Metadata.PageCount);
        Assert.Equal("Regions", document.Blocks[0].Text);
        Assert.All(document.Blocks, b => Assert.Equal(2, b.Provenance!.Page));
    }

    [Fact]
    public async Task More_sheets_than_allowed_is_too_many_pages()
    {
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => ConvertFixture("xlsx/formats.xlsx", new ConversionOptions { MaxPages = 2 }));
        Assert.Equal(ErrorCode.TooManyPages, error.Code);
        Assert.Equal("The file has 3 sheets; at most 2 are accepted.", error.Message);
    }

    [Fact]
    public async Task Cells_showing_more_text_than_the_budget_are_file_too_large()
    {
        // Counted as shown: a shared string counts once for every cell that refers to it.
        Assert.NotEmpty((await ConvertFixture("xlsx/formats.xlsx", new ConversionOptions { Zip = new ZipLimits { MaxCellTextCharacters = 10_000 } })).Blocks);
        var error = await Assert.ThrowsAsync<DocStrangeException>(() =>
            ConvertFixture("xlsx/formats.xlsx", new ConversionOptions { Zip = new ZipLimits { MaxCellTextCharacters = 20 } }));
        Assert.Equal((ErrorCode.FileTooLarge, "max_cell_text_characters"), (error.Code, error.Details["limit"]));
    }

    [Fact]
    public async Task Merged_cells_become_spans_and_regions_split_on_gaps()
    {
        var document = await ConvertFixture("xlsx/formats.xlsx", new ConversionOptions { Pages = PageSelection.Parse("2") });
        var tables = document.Tables.ToList();
        Assert.Equal(2, tables.Count);
        var title = tables[0].Cells[0];
        Assert.Equal(("Merged title", 1, 2), (title.Text, title.RowSpan, title.ColumnSpan));
        Assert.Equal((4, 2), (tables[0].RowCount, tables[0].ColumnCount));
        Assert.Equal(["Notes", "second region"], tables[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public async Task Speaker_notes_only_when_asked()
    {
        var without = await ConvertFixture("pptx/powerpoint_sample.pptx");
        var with = await ConvertFixture("pptx/powerpoint_sample.pptx", new ConversionOptions { IncludeNotes = true });
        var extra = with.Blocks.Select(b => b.Text).Except(without.Blocks.Select(b => b.Text)).ToList();
        Assert.NotEmpty(extra);
        Assert.All(with.Blocks.Where(b => extra.Contains(b.Text)), b => Assert.Equal(BlockRole.Paragraph, b.Role));
        Assert.DoesNotContain(extra, t => t.Trim().All(char.IsDigit));
    }

    [Fact]
    public async Task Struck_slide_runs_carry_a_strikethrough_span()
    {
        using var copy = new MemoryStream();
        copy.Write(File.ReadAllBytes(TestData.PathOf("pptx/powerpoint_sample.pptx")));
        string struck;
        using (var presentation = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(copy, isEditable: true))
        {
            var run = presentation.PresentationPart!.SlideParts.SelectMany(s => s.Slide!.Descendants<DocumentFormat.OpenXml.Drawing.Run>())
                .First(r => r.Text?.Text.StartsWith("A rectangle", StringComparison.Ordinal) == true);
            struck = run.Text!.Text;
            run.RunProperties ??= new DocumentFormat.OpenXml.Drawing.RunProperties();
            run.RunProperties.Strike = DocumentFormat.OpenXml.Drawing.TextStrikeValues.SingleStrike;
        }
        var document = await OfficeFiles.Convert(copy.ToArray(), "struck.pptx");
        var spans = document.Blocks.SelectMany(b => (b.Spans ?? []).Where(s => s.Style.HasFlag(InlineStyle.Strikethrough)).Select(s => b.Text.Substring(s.Start, s.Length)));
        Assert.Equal([struck.Trim()], spans);
    }

    [Fact]
    public async Task Slide_runs_set_off_the_baseline_carry_superscript_and_subscript_spans()
    {
        using var copy = new MemoryStream();
        copy.Write(File.ReadAllBytes(TestData.PathOf("pptx/powerpoint_sample.pptx")));
        using (var presentation = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(copy, isEditable: true))
        {
            var run = presentation.PresentationPart!.SlideParts.SelectMany(s => s.Slide!.Descendants<DocumentFormat.OpenXml.Drawing.Run>())
                .First(r => r.Text?.Text.StartsWith("A rectangle", StringComparison.Ordinal) == true);
            // Two runs after it: "2" raised 30 % and "3" lowered 25 %.
            foreach (var (text, baseline) in new[] { ("2", 30000), ("3", -25000) }.Reverse())
            {
                run.InsertAfterSelf(new DocumentFormat.OpenXml.Drawing.Run(
                    new DocumentFormat.OpenXml.Drawing.RunProperties { Language = "en-US", Baseline = baseline },
                    new DocumentFormat.OpenXml.Drawing.Text(text)));
            }
        }
        var document = await OfficeFiles.Convert(copy.ToArray(), "raised.pptx");
        var spans = document.Blocks.SelectMany(b => (b.Spans ?? []).Where(s => s.Style is InlineStyle.Superscript or InlineStyle.Subscript)
            .Select(s => (b.Text.Substring(s.Start, s.Length), s.Style)));
        Assert.Equal([("2", InlineStyle.Superscript), ("3", InlineStyle.Subscript)], spans);
    }

    [Fact]
    public async Task Slides_are_pages_with_their_size()
    {
        var document = await ConvertFixture("pptx/pptx_chart.pptx");
        Assert.Equal(2, document.Pages.Count);
        Assert.All(document.Pages, p => Assert.True(p.Width > 0 && p.Height > 0));
        Assert.Equal(["Quarterly Duck Survey", "Quarterly revenue"], document.Blocks.Where(b => b.Role == BlockRole.Heading).Select(b => b.Text));
    }
}
