using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr;

public class OcrTablesTests
{
    private static OcrLine Line(int block, double top, params (string Text, double Left)[] words)
    {
        var ocrWords = words.Select(w => new OcrWord(w.Text, new BoundingBox(w.Left, top, w.Left + w.Text.Length * 5, top + 10), 0.95)).ToList();
        return new OcrLine(ocrWords, ocrWords.Select(w => w.Box).Aggregate((a, b) => a.Union(b)), block, 0, 10);
    }

    [Fact]
    public void Aligned_columns_on_a_scan_become_a_table_and_the_text_around_it_keeps_its_lines()
    {
        List<OcrLine> lines =
        [
            Line(1, 60, ("The", 72), ("results", 92), ("are", 132), ("below.", 152)),
            Line(2, 100, ("Item", 72), ("Qty", 250), ("Price", 400)),
            Line(2, 116, ("Bolts", 72), ("200", 250), ("0.12", 400)),
            Line(2, 132, ("Washers", 72), ("150", 250), ("0.03", 400)),
            Line(2, 148, ("Hex", 72), ("nuts", 92), ("50", 250), ("0.05", 400)),
        ];
        var (tables, rest) = OcrTables.Take(lines, 612, 792, 1);
        var table = Assert.Single(tables).Table;
        Assert.Equal((4, 3), (table.RowCount, table.ColumnCount));
        Assert.Contains(table.Cells, c => c is { Row: 3, Column: 0, Text: "Hex nuts" });
        Assert.Equal(["The results are below."], rest.Select(l => l.Text));
    }
}
