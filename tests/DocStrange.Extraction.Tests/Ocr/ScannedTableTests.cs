using System.Text;
using DocStrange.Document.Conversion;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr;

/// <summary>Tables ruled on paper and scanned: the rules on the image frame the table as a text layer's rulings do.</summary>
public class ScannedTableTests
{
    // A page of text and lines, recognised from its image (OCR always), as a scan of it would be.
    private static async Task<DocumentModel> Scan(string content)
    {
        var pdf = HandWrittenPdf.Of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            HandWrittenPdf.Stream("", content));
        var converter = DocumentConverter.CreateDefault(new ReaderSettings { Ocr = TesseractOcrEngine.Shared });
        return await converter.ConvertAsync(new MemoryStream(pdf), new ConversionRequest("scan.pdf", FileKind.Pdf, new ConversionOptions { Ocr = OcrMode.Always }));
    }

    private static string Text(double x, double y, string text) => $"BT /F1 12 Tf {x} {y} Td ({text}) Tj ET\n";

    // A grid with rules at the given x and y (PDF coordinates, y up), 1 pt wide.
    private static string Grid(double[] xs, double[] ys)
    {
        var lines = new StringBuilder("1 w\n");
        foreach (var x in xs) lines.Append($"{x} {ys[^1]} m {x} {ys[0]} l S\n");
        foreach (var y in ys) lines.Append($"{xs[0]} {y} m {xs[^1]} {y} l S\n");
        return lines.ToString();
    }

    [Fact]
    public async Task A_ruled_table_on_a_scan_keeps_a_cell_of_two_lines_as_one_cell()
    {
        // Three rows; the second row's first cell holds two lines beside one-line cells.
        var content = Grid([100, 260, 380, 500], [700, 676, 628, 604])
            + Text(106, 684, "Item") + Text(266, 684, "Quantity") + Text(386, 684, "Price")
            + Text(106, 660, "Green") + Text(106, 636, "pears") + Text(266, 660, "12") + Text(386, 660, "3.50")
            + Text(106, 612, "Apples") + Text(266, 612, "7") + Text(386, 612, "2.25")
            + Text(100, 560, "The prices above are per kilogram and include the market levy.");

        var document = await Scan(content);

        var table = Assert.Single(document.Blocks, b => b.Table is not null).Table!;
        Assert.Equal((3, 3), (table.RowCount, table.ColumnCount));
        var grid = table.ToGrid();
        Assert.Equal("Green pears", grid[1, 0]!.Text);
        Assert.Equal(["12", "3.50"], new[] { grid[1, 1]!.Text, grid[1, 2]!.Text });
        Assert.Equal("Apples", grid[2, 0]!.Text);
        Assert.Contains(document.Blocks, b => b.Table is null && b.Text.Contains("market levy"));
    }

    [Fact]
    public async Task A_rule_under_a_heading_on_a_scan_makes_no_table()
    {
        var content = Text(100, 700, "Quarterly report") + "1 w 100 690 m 500 690 l S\n"
            + Text(100, 660, "Sales rose in every region this quarter, led by the north.")
            + Text(100, 640, "The board thanks the staff for their work through the year.");

        var document = await Scan(content);

        Assert.DoesNotContain(document.Blocks, b => b.Table is not null);
        Assert.Contains(document.Blocks, b => b.Text.Contains("Sales rose in every region"));
    }
}
