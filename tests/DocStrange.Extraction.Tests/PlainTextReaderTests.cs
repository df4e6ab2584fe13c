using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

public class PlainTextReaderTests
{
    [Fact]
    public async Task Blank_lines_separate_paragraphs()
    {
        var converter = DocumentConverter.CreateDefault();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("first line\ncontinues\n\nsecond\n"));
        var doc = await converter.ConvertAsync(input, new ConversionRequest("a.txt", FileKind.Text, ConversionOptions.Default));
        Assert.Equal(["first line continues", "second"], doc.Blocks.Select(b => b.Text));
        Assert.All(doc.Blocks, b => Assert.Equal(BlockRole.Paragraph, b.Role));
    }

    [Fact]
    public async Task An_empty_file_is_file_empty()
    {
        var converter = DocumentConverter.CreateDefault();
        using var input = new MemoryStream();
        var ex = await Assert.ThrowsAsync<DocStrangeException>(() =>
            converter.ConvertAsync(input, new ConversionRequest("a.txt", FileKind.Text, ConversionOptions.Default)));
        Assert.Equal(ErrorCode.FileEmpty, ex.Code);
    }
}
