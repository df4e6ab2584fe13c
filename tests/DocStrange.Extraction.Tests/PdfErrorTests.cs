using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>Each kind of broken PDF fails with its own error code and a message that says what is wrong.</summary>
public class PdfErrorTests
{
    private static async Task<DocStrangeException> Fails(string fixture, ConversionOptions? options = null) =>
        await Assert.ThrowsAsync<DocStrangeException>(() => DocumentConverter.CreateDefault().ConvertAsync(
            new MemoryStream(TestData.Bytes(fixture)), new ConversionRequest(Path.GetFileName(fixture), FileKind.Pdf, options ?? ConversionOptions.Default)));

    [Fact]
    public async Task A_corrupt_pdf_is_unreadable()
    {
        var ex = await Fails("pdf/corrupt.pdf");
        Assert.Equal((ErrorCode.UnreadableDocument, "The file could not be read as PDF: it is damaged or not a PDF."), (ex.Code, ex.Message));
        Assert.Equal("corrupt.pdf", ex.Details["file_name"]);
    }

    [Fact]
    public async Task A_truncated_pdf_is_unreadable_and_said_to_be_truncated()
    {
        var ex = await Fails("pdf/truncated.pdf");
        Assert.Equal((ErrorCode.UnreadableDocument, "The file could not be read as PDF: it is truncated (it ends before its end-of-file marker)."), (ex.Code, ex.Message));
    }

    [Fact]
    public async Task A_password_protected_pdf_is_encrypted_document()
    {
        var ex = await Fails("pdf/password_secret.pdf");
        Assert.Equal((ErrorCode.EncryptedDocument, "The PDF is protected by a password; send it in the 'password' field."), (ex.Code, ex.Message));
    }

    [Fact]
    public async Task A_pdf_without_pages_is_unreadable()
    {
        var ex = await Fails("pdf/zero_pages.pdf");
        Assert.Equal((ErrorCode.UnreadableDocument, "The PDF has no pages."), (ex.Code, ex.Message));
    }
}
