using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class CsvExporterTests
{
    private static string Csv(DocumentModel document, int? index = null) =>
        Render(OutputFormat.Csv, document, new ExportOptions { TableIndex = index });

    [Fact]
    public void Spanned_text_is_at_the_top_left_and_covered_positions_are_empty()
    {
        Assert.Equal("Region,Sales,\r\n,2023,2024\r\nNorth,10,a|b\r\n,20,30\r\n", Csv(Of(TableBlock(SpanTable()))));
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var doc = Of(TableBlock(Plain("a,b", "say \"hi\"", "line1\nline2", "plain")), TableBlock(Plain("cr\rhere", " spaced ", "", "'")));
        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",plain\r\n\r\n\"cr\rhere\", spaced \r\n,'\r\n", Csv(doc));
    }

    [Fact]
    public void Every_table_is_written_with_one_blank_line_between()
    {
        var doc = Of(TableBlock(Plain("1", "2", "3", "4")), Para("between"), TableBlock(new Table(0, 0, [])), TableBlock(Plain("5", "6", "7", "8")));
        Assert.Equal("1,2\r\n3,4\r\n\r\n5,6\r\n7,8\r\n", Csv(doc));
    }

    [Fact]
    public void Table_index_picks_one_table()
    {
        var doc = Of(TableBlock(Plain("1", "2", "3", "4")), TableBlock(Plain("5", "6", "7", "8")));
        Assert.Equal("1,2\r\n3,4\r\n", Csv(doc, 0));
        Assert.Equal("5,6\r\n7,8\r\n", Csv(doc, 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_table_index_out_of_range_is_an_invalid_request(int index)
    {
        var doc = Of(TableBlock(Plain("1", "2", "3", "4")), TableBlock(Plain("5", "6", "7", "8")));
        var error = Assert.Throws<DocStrangeException>(() => Csv(doc, index));
        Assert.Equal(ErrorCode.InvalidRequest, error.Code);
        Assert.Equal(index, error.Details["table_index"]);
        Assert.Equal(2, error.Details["table_count"]);
        Assert.Contains($"table_index {index} is out of range", error.Message);
    }

    [Fact]
    public void A_document_without_tables_gives_nothing_unless_an_index_is_asked_for()
    {
        var doc = Of(Para("no tables here"));
        Assert.Equal("", Csv(doc));
        var error = Assert.Throws<DocStrangeException>(() => Csv(doc, 0));
        Assert.Equal(0, error.Details["table_count"]);
    }
}
