using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>A filled-in form keeps its values in widget annotations, not in the page's content.</summary>
public class PdfFormFieldTests
{
    // "Name:" and "City:" in the content; the values in two text fields (one inheriting its type and value from a parent field), a hidden one and an empty one.
    private static byte[] FilledForm() => HandWrittenPdf.Of(
        "<< /Type /Catalog /Pages 3 0 R /AcroForm << /Fields [6 0 R 7 0 R 9 0 R 10 0 R] >> >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] /Contents 5 0 R /Resources << /Font << /F1 2 0 R >> >> /Annots [6 0 R 8 0 R 9 0 R 10 0 R] >>",
        HandWrittenPdf.Stream("", "BT /F1 10 Tf 72 250 Td (Name:) Tj ET BT /F1 10 Tf 72 220 Td (City:) Tj ET"),
        "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Maria Lopez) /DA (/Helv 10 Tf 0 g) /Rect [150 245 400 262] /P 4 0 R >>",
        "<< /FT /Tx /T (city) /V (Valencia) /DA (/Helv 0 Tf 0 g) /Kids [8 0 R] >>",
        "<< /Type /Annot /Subtype /Widget /Parent 7 0 R /Rect [150 215 400 232] /P 4 0 R >>",
        "<< /Type /Annot /Subtype /Widget /FT /Tx /T (secret) /V (Hidden value) /F 2 /Rect [150 185 400 202] /P 4 0 R >>",
        "<< /Type /Annot /Subtype /Widget /FT /Tx /T (empty) /V () /Rect [150 155 400 172] /P 4 0 R >>");

    [Fact]
    public async Task Filled_in_values_are_text_of_the_page_beside_their_labels()
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(FilledForm()),
            new ConversionRequest("form.pdf", FileKind.Pdf, ConversionOptions.Default with { Ocr = Document.Conversion.OcrMode.Never }));
        var text = string.Join("\n", document.Blocks.Select(b => b.Text));
        Assert.Contains("Maria Lopez", text);
        Assert.Contains("Valencia", text);
        Assert.DoesNotContain("Hidden value", text);
        Assert.True(text.IndexOf("Name:", StringComparison.Ordinal) < text.IndexOf("Maria Lopez", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Maria Lopez", StringComparison.Ordinal) < text.IndexOf("City:", StringComparison.Ordinal));
    }

    // A text box typed over the page (FreeText), one hidden, and a sticky note (Text), whose contents show only in a popup.
    private static byte[] Annotated() => HandWrittenPdf.Of(
        "<< /Type /Catalog /Pages 3 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 300] /Contents 5 0 R /Resources << /Font << /F1 2 0 R >> >> /Annots [6 0 R 7 0 R 8 0 R] >>",
        HandWrittenPdf.Stream("", "BT /F1 10 Tf 72 250 Td (Signed by:) Tj ET"),
        "<< /Type /Annot /Subtype /FreeText /Contents (Ana Ruiz, 3 May) /DA (/Helv 10 Tf 0 g) /Rect [150 245 400 262] /F 4 >>",
        "<< /Type /Annot /Subtype /FreeText /Contents (Draft note) /F 2 /Rect [150 215 400 232] >>",
        "<< /Type /Annot /Subtype /Text /Contents (Reviewer comment) /Rect [150 185 170 205] >>");

    [Fact]
    public async Task Text_boxes_typed_over_the_page_are_text_of_the_page_and_notes_are_not()
    {
        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(Annotated()),
            new ConversionRequest("signed.pdf", FileKind.Pdf, ConversionOptions.Default with { Ocr = Document.Conversion.OcrMode.Never }));
        var text = string.Join("\n", document.Blocks.Select(b => b.Text));
        Assert.Contains("Ana Ruiz, 3 May", text);
        Assert.True(text.IndexOf("Signed by:", StringComparison.Ordinal) < text.IndexOf("Ana Ruiz", StringComparison.Ordinal));
        Assert.DoesNotContain("Draft note", text);
        Assert.DoesNotContain("Reviewer comment", text);
    }
}
