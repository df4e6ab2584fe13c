using System.Text;
using DocStrange.Document.Files;

namespace DocStrange.Document.Tests;

public class FileSnifferTests
{
    [Theory]
    [InlineData(FileKind.Pdf, "%PDF-1.7\n", true)]
    [InlineData(FileKind.Pdf, "MZ\u0090\0binary", false)]
    [InlineData(FileKind.Docx, "PK\u0003\u0004rest", true)]
    [InlineData(FileKind.Docx, "%PDF-1.4", false)]
    [InlineData(FileKind.Text, "hello\nworld\n", true)]
    [InlineData(FileKind.Text, "MZ\0\0\u0003\0", false)]
    [InlineData(FileKind.Html, "<!doctype html><p>x</p>", true)]
    public void Agrees_checks_leading_bytes_against_the_claimed_kind(FileKind kind, string head, bool expected)
    {
        var bytes = Encoding.Latin1.GetBytes(head);
        Assert.Equal(expected, FileSniffer.Agrees(kind, bytes));
    }

    [Fact]
    public void Png_signature_is_recognised()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        Assert.True(FileSniffer.Agrees(FileKind.Png, png));
        Assert.False(FileSniffer.Agrees(FileKind.Jpeg, png));
    }

    [Theory]
    [InlineData("report.PDF", FileKind.Pdf)]
    [InlineData("notes.md", FileKind.Markdown)]
    [InlineData("archive.zip", FileKind.Unknown)]
    [InlineData("noextension", FileKind.Unknown)]
    public void Kind_comes_from_the_extension(string name, FileKind expected) =>
        Assert.Equal(expected, FileKinds.FromFileName(name));
}
