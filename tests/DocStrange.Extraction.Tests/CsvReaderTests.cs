using System.Text;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

public class CsvReaderTests
{
    private static async Task<Table> ReadTable(string text) => await ReadTable(Encoding.UTF8.GetBytes(text));

    private static async Task<Table> ReadTable(byte[] bytes)
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(bytes), new ConversionRequest("data.csv", FileKind.Csv, ConversionOptions.Default));
        var block = Assert.Single(document.Blocks);
        Assert.Equal(BlockRole.Table, block.Role);
        return block.Table!;
    }

    private static string[][] Rows(Table table)
    {
        var grid = table.ToGrid();
        return Enumerable.Range(0, table.RowCount)
            .Select(r => Enumerable.Range(0, table.ColumnCount).Select(c => grid[r, c]?.Text ?? "").ToArray())
            .ToArray();
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task The_delimiter_is_the_one_giving_consistent_columns(char delimiter)
    {
        // The other candidates also occur in the text, but unevenly; the delimiter also occurs quoted.
        var d = delimiter.ToString();
        var o = new[] { ",", ";", "\t", "|" }.Where(c => c != d).ToArray();
        var text = $"name{d}note{d}n\nA{d}x{o[0]}y{o[1]}z{d}1\nB{d}p{o[2]}q{o[2]}r{d}2\nC{d}\"r{d}s\"{d}3\n";
        var table = await ReadTable(text);
        Assert.Equal(3, table.ColumnCount);
        Assert.Equal(["C", $"r{d}s", "3"], Rows(table)[3]);
    }

    [Fact]
    public async Task Quoted_fields_hold_delimiters_line_breaks_and_doubled_quotes()
    {
        var table = await ReadTable("a,b\n\"x, y\",\"line one\r\nline two \"\"quoted\"\"\"\n");
        Assert.Equal(["x, y", "line one\nline two \"quoted\""], Rows(table)[1]);
    }

    [Fact]
    public async Task The_first_row_is_the_header_row()
    {
        var table = await ReadTable("h1,h2\n1,2\n");
        Assert.Equal(1, table.HeaderRowCount());
        Assert.All(table.Cells, c => Assert.Equal(c.Row == 0, c.IsHeader));
    }

    [Fact]
    public async Task Trailing_empty_rows_and_columns_are_trimmed()
    {
        var table = await ReadTable("a,b,,\n1,,,\n,,,\n\n");
        Assert.Equal((2, 2), (table.RowCount, table.ColumnCount));
        Assert.Equal(["1", ""], Rows(table)[1]);
    }

    [Fact]
    public async Task Short_rows_are_padded_with_empty_cells()
    {
        var table = await ReadTable("a,b,c\n1\n2,3,4\n");
        Assert.Equal(["1", "", ""], Rows(table)[1]);
        Assert.Equal(9, table.Cells.Count);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_not_part_of_the_first_cell()
    {
        var table = await ReadTable([.. Encoding.UTF8.GetPreamble(), .. "x,y\n1,2\n"u8]);
        Assert.Equal("x", Rows(table)[0][0]);
    }

    [Fact]
    public async Task Invalid_utf8_is_read_as_latin1()
    {
        var table = await ReadTable(Encoding.Latin1.GetBytes("Stadt,Land\nMünchen,Bayern\n"));
        Assert.Equal("München", Rows(table)[1][0]);
    }

    [Fact]
    public async Task A_file_of_empty_lines_has_no_table()
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream("\n\n,,\n"u8.ToArray()), new ConversionRequest("e.csv", FileKind.Csv, ConversionOptions.Default));
        Assert.Empty(document.Blocks);
    }
}
