using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>A page whose forms draw each other in a loop would overflow the parser's stack; it is skipped instead.</summary>
public class PdfFormRecursionTests
{
    // Two pages: the first draws form 6, which draws form 8, which draws form 6 again; the second is plain text.
    private static byte[] LoopingPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 3 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Pages /Kids [4 0 R 9 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] /Contents 5 0 R /Resources << /XObject << /X1 6 0 R >> >> >>",
            Stream("", "/X1 Do"),
            Stream("/Subtype /Form /BBox [0 0 500 300] /Resources << /Font << /F1 2 0 R >> /XObject << /X0 8 0 R >> >>", "BT /F1 12 Tf 72 200 Td (Loop) Tj ET /X0 Do"),
            "<< >>",
            Stream("/Subtype /Form /BBox [0 0 500 300] /Resources << /XObject << /X1 6 0 R >> >>", "/X1 Do"),
            "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] /Contents 10 0 R /Resources << /Font << /F1 2 0 R >> >> >>",
            Stream("", "BT /F1 12 Tf 72 200 Td (The second page reads fine.) Tj ET"),
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Stream(string dictionary, string content) => $"<< {dictionary} /Length {content.Length} >>\nstream\n{content}\nendstream";

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
