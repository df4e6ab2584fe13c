using DocStrange.Document.Export;
using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocStrange.Extraction.Tests;

public class WordNumberingTests
{
    // Three numbering instances of one decimal list definition: 1 plain, 2 restarting at 1 (startOverride),
    // 3 plain again, which continues the shared counter.
    private static byte[] Docx(params (string Text, int NumId)[] paragraphs)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 })
                { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 0 }, new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = 2 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 3 });
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(paragraphs.Select(p => new Paragraph(
                p.NumId == 0 ? new ParagraphProperties() : new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = p.NumId })),
                new Run(new Text(p.Text))))));
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_list_restarted_by_a_start_override_counts_from_one_and_a_plain_instance_continues()
    {
        var document = await OfficeFiles.Convert(Docx(("a", 1), ("b", 1), ("c", 2), ("d", 2), ("Between", 0), ("e", 3), ("f", 3)), "lists.docx");

        Assert.Equal([("a", 1), ("b", 2), ("c", 1), ("d", 2), ("e", 3), ("f", 4)],
            document.Blocks.Where(b => b.Role == BlockRole.ListItem).Select(b => (b.Text, b.Number ?? 0)));
        Assert.Equal("1. a\n2. b\n\n<!-- -->\n\n1. c\n2. d\n\nBetween\n\n3. e\n4. f\n", DocumentExporters.ExportToString(document, OutputFormat.Markdown));
        var html = DocumentExporters.ExportToString(document, OutputFormat.Html);
        Assert.Equal(2, html.Split("<ol>").Length - 1);
        Assert.Contains("<ol start=\"3\">", html);
    }

    [Fact]
    public async Task List_paragraphs_in_a_table_cell_keep_their_markers()
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 });
            Paragraph Item(string text, int numId) => new(
                new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })), new Run(new Text(text)));
            var cell = new DocumentFormat.OpenXml.Wordprocessing.TableCell(new Paragraph(new Run(new Text("Steps:"))), Item("first", 1), Item("second", 1), Item("dot", 2));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(new DocumentFormat.OpenXml.Wordprocessing.Table(new TableRow(cell, new DocumentFormat.OpenXml.Wordprocessing.TableCell(new Paragraph(new Run(new Text("x"))))))));
        }

        var document = await OfficeFiles.Convert(buffer.ToArray(), "cell-lists.docx");

        var table = Assert.Single(document.Blocks, b => b.Table is not null).Table!;
        Assert.Equal("Steps:\n1. first\n2. second\n- dot", table.Cells[0].Text);
    }
}
