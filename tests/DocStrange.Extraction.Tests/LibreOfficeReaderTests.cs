using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.LibreOffice;

namespace DocStrange.Extraction.Tests;

/// <summary>
/// DOC and OpenDocument go through LibreOffice when it is installed. Without it (simulated here with a
/// soffice path that does not exist) they are refused with INVALID_FILE_TYPE saying what to install;
/// with it, they convert. Where this machine has no LibreOffice, the "installed" tests check the refusal.
/// </summary>
public class LibreOfficeReaderTests
{
    private static readonly ReaderSettings Absent = new() { SofficePath = "/nonexistent/libreoffice/soffice" };

    [Theory]
    [InlineData("features.odt")]
    [InlineData("features.doc")]
    [InlineData("formats.ods")]
    public async Task Without_libreoffice_the_kind_is_refused_with_what_to_install(string file)
    {
        var converter = DocumentConverter.CreateDefault(Absent);
        Assert.DoesNotContain(FileKinds.FromFileName(file), converter.SupportedKinds);
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => converter.ConvertFileAsync(Path.Combine(AppContext.BaseDirectory, "lodata", file)));
        AssertRefused(error, FileKinds.FromFileName(file));
    }

    [Fact]
    public void Supported_kinds_list_libreoffice_kinds_only_when_it_is_found()
    {
        var found = LibreOfficeLocator.Find() is not null;
        var kinds = DocumentConverter.CreateDefault().SupportedKinds;
        Assert.All(LibreOfficeLocator.Kinds, k => Assert.Equal(found, kinds.Contains(k)));
        Assert.Contains(FileKind.Docx, DocumentConverter.CreateDefault(Absent).SupportedKinds);
    }

    [Fact]
    public async Task An_odt_converts_like_its_docx_when_libreoffice_is_installed()
    {
        var converter = DocumentConverter.CreateDefault();
        var path = Path.Combine(AppContext.BaseDirectory, "lodata", "features.odt");
        if (LibreOfficeLocator.Find() is null)
        {
            AssertRefused(await Assert.ThrowsAsync<DocStrangeException>(() => converter.ConvertFileAsync(path)), FileKind.Odt);
            return;
        }
        var document = await converter.ConvertFileAsync(path);
        Assert.Equal(FileKind.Odt, document.Metadata.FileKind);
        var content = document.Blocks.Where(b => b.Role is not (BlockRole.PageHeader or BlockRole.PageFooter)).ToList();
        Assert.Equal((BlockRole.Title, "Feature tour"), (content[0].Role, content[0].Text));
        Assert.Contains(document.Blocks, b => b is { Role: BlockRole.ListItem, Text: "a) First lettered" });
        Assert.Contains(document.Blocks, b => b.Role == BlockRole.Code && b.Text == "let x = 1;\nlet y = x + 1;");
    }

    [Fact]
    public async Task An_ods_converts_like_its_xlsx_when_libreoffice_is_installed()
    {
        var converter = DocumentConverter.CreateDefault();
        var path = Path.Combine(AppContext.BaseDirectory, "lodata", "formats.ods");
        if (LibreOfficeLocator.Find() is null)
        {
            AssertRefused(await Assert.ThrowsAsync<DocStrangeException>(() => converter.ConvertFileAsync(path)), FileKind.Ods);
            return;
        }
        var document = await converter.ConvertFileAsync(path);
        Assert.Equal(["Values", "Regions", "Hidden (hidden)"], document.Blocks.Where(b => b.Role == BlockRole.Heading).Select(b => b.Text));
        var values = document.Tables.First().ToGrid();
        Assert.Equal(["Widget", "1/15/2024", "12.5%", "€1,234.50", "3/4", "TRUE"], Enumerable.Range(0, 6).Select(c => values[1, c]!.Text));
    }

    [Fact]
    public async Task A_docx_renamed_odt_is_caught_before_libreoffice_runs()
    {
        var converter = DocumentConverter.CreateDefault();
        if (!converter.CanConvert(FileKind.Odt))
        {
            AssertRefused(await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(File.ReadAllBytes(TestData.PathOf("docx/features.docx")), "renamed.odt")), FileKind.Odt);
            return;
        }
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(File.ReadAllBytes(TestData.PathOf("docx/features.docx")), "renamed.odt"));
        Assert.Equal(ErrorCode.InvalidFileType, error.Code);
        Assert.Equal("'renamed.odt' is a Word document (DOCX), not ODT. Rename it to .docx and send it again.", error.Message);
    }

    private static void AssertRefused(DocStrangeException error, FileKind kind)
    {
        Assert.Equal(ErrorCode.InvalidFileType, error.Code);
        Assert.Equal(LibreOfficeLocator.MissingMessage(kind), error.Message);
        Assert.Contains("apt-get install libreoffice-writer-nogui", error.Message);
    }
}
