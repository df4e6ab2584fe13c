using System.Text;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>
/// A scanned page's own text layer is read again from the image when it does not read as text, and kept
/// when it does. The page: a 640 × 480 scan drawn over the whole page, its text layer drawn first, under it.
/// </summary>
public class PdfTextLayerQualityTests
{
    private static byte[] ScanWithLayer(string layer)
    {
        var jpeg = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ocrdata", "scan_page.jpg"));
        var content = new StringBuilder("BT /F1 9 Tf 20 330 Td 11 TL\n");
        foreach (var line in layer.Split('\n')) content.Append('(').Append(line).Append(") Tj T*\n");
        content.Append("ET q 480 0 0 360 0 0 cm /Im1 Do Q");
        return HandWrittenPdf.Of(
            "<< /Type /Catalog /Pages 3 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 480 360] /Contents 5 0 R /Resources << /Font << /F1 2 0 R >> /XObject << /Im1 6 0 R >> >> >>",
            HandWrittenPdf.Stream("", content.ToString()),
            HandWrittenPdf.Stream("/Type /XObject /Subtype /Image /Width 640 /Height 480 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
                Encoding.Latin1.GetString(jpeg)));
    }

    private static async Task<(string Text, bool Ocr)> ConvertAsync(string layer)
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(ScanWithLayer(layer)), new ConversionRequest("scan.pdf", FileKind.Pdf, ConversionOptions.Default));
        return (string.Join(" ", document.Blocks.Select(b => b.Text)), document.Pages.Single().Ocr);
    }

    private const string Lowered =
        "this is a lot of 12 point text to test the ocr code and see if it works on all types of file format\n" +
        "the quick brown dog jumped over the lazy fox the quick brown dog jumped over the lazy fox\n" +
        "the quick brown dog jumped over the lazy fox the quick brown dog jumped over the lazy fox";

    [Fact]
    public async Task A_layer_all_in_lower_case_without_punctuation_is_read_again_from_the_image()
    {
        var (text, ocr) = await ConvertAsync(Lowered);
        Assert.True(ocr);
        Assert.Contains("This is a lot of 12 point text", text);
        Assert.Contains("lazy fox.", text);
    }

    [Fact]
    public async Task A_layer_of_recognition_noise_is_read_again_from_the_image()
    {
        var (text, ocr) = await ConvertAsync("Th|s ~s a l<>t [f 12 p{int t^xt\nt<> t\\st th[ ~cr c<de a}d s^e |f ~t w<rks\nTh[ q^ick br<wn d{g j|mped ~ver th^ l<zy f[x");
        Assert.True(ocr);
        Assert.Contains("The quick brown dog", text);
    }

    [Fact]
    public async Task A_layer_that_reads_as_text_is_kept()
    {
        var layer = "This is a lot of 12 point text to test the OCR code, and see if it works.\n" +
            "The quick brown dog jumped over the lazy fox. The quick brown dog jumped over the lazy fox.\n" +
            "The quick brown dog jumped over the lazy fox. The quick brown dog jumped over the lazy fox.";
        var (text, ocr) = await ConvertAsync(layer);
        Assert.False(ocr);
        Assert.Contains("test the OCR code, and see", text);
    }
}
