using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>A page shows what lies within its crop box: text drawn wholly outside it is not on the page.</summary>
public class PdfOffPageTextTests
{
    private static byte[] Pdf(string rotate) => HandWrittenPdf.Of(
        "<< /Type /Catalog /Pages 3 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] {rotate} /Contents 5 0 R /Resources << /Font << /F1 2 0 R >> >> >>",
        HandWrittenPdf.Stream("", "BT /F1 12 Tf 72 200 Td (On the page.) Tj 900 0 Td (Beyond the right edge) Tj -900 -500 Td (Below the page) Tj ET"));

    [Theory]
    [InlineData("")]
    [InlineData("/Rotate 90")]
    public async Task Text_drawn_beyond_the_crop_box_is_left_out(string rotate)
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(
            new MemoryStream(Pdf(rotate)), new ConversionRequest("off.pdf", FileKind.Pdf, ConversionOptions.Default with { Ocr = Document.Conversion.OcrMode.Never }));
        Assert.Equal("On the page.", Assert.Single(document.Blocks).Text);
    }
}
