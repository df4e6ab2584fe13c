using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>Text drawn wholly off the sheet (outside the media box) is not on the page; text a crop box leaves out is kept.</summary>
public class PdfOffPageTextTests
{
    private static byte[] Pdf(string boxes) => HandWrittenPdf.Of(
        "<< /Type /Catalog /Pages 3 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] {boxes} /Contents 5 0 R /Resources << /Font << /F1 2 0 R >> >> >>",
        HandWrittenPdf.Stream("", "BT /F1 12 Tf 72 200 Td (On the page.) Tj 900 0 Td (Beyond the right edge) Tj -900 -500 Td (Below the page) Tj ET"));

    private static async Task<string> Text(string boxes)
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(
            new MemoryStream(Pdf(boxes)), new ConversionRequest("off.pdf", FileKind.Pdf, ConversionOptions.Default with { Ocr = Document.Conversion.OcrMode.Never }));
        return string.Join(" / ", document.Blocks.Select(b => b.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Rotate 90")]
    public async Task Text_drawn_beyond_the_media_box_is_left_out(string boxes) => Assert.Equal("On the page.", await Text(boxes));

    [Fact]
    public async Task Text_outside_a_smaller_crop_box_is_kept() => Assert.Equal("On the page.", await Text("/CropBox [300 0 500 100]"));
}
