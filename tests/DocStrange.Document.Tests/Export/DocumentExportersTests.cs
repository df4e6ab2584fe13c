using DocStrange.Document.Export;

namespace DocStrange.Document.Tests.Export;

public class DocumentExportersTests
{
    [Fact]
    public void Every_format_has_its_exporter()
    {
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            Assert.Equal(format, DocumentExporters.Get(format).Format);
        }
    }

    [Fact]
    public void Every_exporter_handles_an_empty_document()
    {
        var empty = Docs.Of();
        Assert.Equal("", DocumentExporters.ExportToString(empty, OutputFormat.Markdown));
        Assert.Equal("", DocumentExporters.ExportToString(empty, OutputFormat.Csv));
        Assert.Equal("", DocumentExporters.ExportToString(empty, OutputFormat.Text));
        Assert.Contains("<body>\n</body>", DocumentExporters.ExportToString(empty, OutputFormat.Html));
        Assert.Contains("\"blocks\": []", DocumentExporters.ExportToString(empty, OutputFormat.Json));
    }
}
