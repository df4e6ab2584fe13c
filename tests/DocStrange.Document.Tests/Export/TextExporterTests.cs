using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class TextExporterTests
{
    [Fact]
    public void Writes_plain_blocks_lists_with_markers_and_tab_separated_tables()
    {
        const string expected = "Quarterly report\n\nResults\n\nSales rose.\n\n- Apples\n  1. Red\n  2. Green\n- Pears\n\nDetails\n\n"
            + "Region\tSales\t\n\t2023\t2024\nNorth\t10\ta|b\n\t20\t30\n\nprint(1)\n\na^2 + b^2\n\nFigure 1: A chart\n\n1 Source: ACME.\n";
        Assert.Equal(expected, Render(OutputFormat.Text, MarkdownExporterTests.Report()));
    }

    [Fact]
    public void Page_furniture_is_left_out_unless_asked_for()
    {
        var doc = Of(Role(BlockRole.PageHeader, "ACME"), Para("Body"), Role(BlockRole.PageFooter, "Page 1"));
        Assert.Equal("Body\n", Render(OutputFormat.Text, doc));
        Assert.Equal("ACME\n\nBody\n\nPage 1\n", Render(OutputFormat.Text, doc, new ExportOptions { IncludePageFurniture = true }));
    }

    [Fact]
    public void Code_keeps_its_lines_and_an_empty_document_is_empty()
    {
        Assert.Equal("a\n  b\n", Render(OutputFormat.Text, Of(Code("a\r\n  b\n"))));
        Assert.Equal("", Render(OutputFormat.Text, Of(Role(BlockRole.Picture))));
    }
}
