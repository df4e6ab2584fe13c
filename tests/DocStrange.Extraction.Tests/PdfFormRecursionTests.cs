using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>A page whose forms draw each other in a loop would overflow the parser's stack; it is skipped instead.</summary>
public class PdfFormRecursionTests
{
    // Two pages: the first draws form 6, which draws form 8, which draws form 6 again; the second is plain text.
    private static byte[] LoopingPdf() => HandWrittenPdf.Of(
        "<< /Type /Catalog /Pages 3 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Pages /Kids [4 0 R 9 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] /Contents 5 0 R /Resources << /XObject << /X1 6 0 R >> >> >>",
        HandWrittenPdf.Stream("", "/X1 Do"),
        HandWrittenPdf.Stream("/Subtype /Form /BBox [0 0 500 300] /Resources << /Font << /F1 2 0 R >> /XObject << /X0 8 0 R >> >>", "BT /F1 12 Tf 72 200 Td (Loop) Tj ET /X0 Do"),
        "<< >>",
        HandWrittenPdf.Stream("/Subtype /Form /BBox [0 0 500 300] /Resources << /XObject << /X1 6 0 R >> >>", "/X1 Do"),
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] /Contents 10 0 R /Resources << /Font << /F1 2 0 R >> >> >>",
        HandWrittenPdf.Stream("", "BT /F1 12 Tf 72 200 Td (The second page reads fine.) Tj ET"));

    [Fact]
    public async Task A_page_whose_forms_draw_each_other_is_skipped_with_a_warning_and_the_rest_is_read()
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(
            new MemoryStream(LoopingPdf()), new ConversionRequest("loop.pdf", FileKind.Pdf, ConversionOptions.Default with { Ocr = Document.Conversion.OcrMode.Never }));
        Assert.Equal("The second page reads fine.", Assert.Single(document.Blocks).Text);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((ErrorCode.UnreadableDocument, 1), (warning.Code, warning.Page));
        Assert.Contains("contains itself", warning.Message);
    }
}
