using System.Globalization;
using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>A page that takes longer than its time budget is skipped, so one pathological page cannot hold a worker.</summary>
public class PdfPageBudgetTests
{
    [Fact]
    public async Task A_pdf_no_page_of_which_is_done_within_its_budget_fails_with_processing_error()
    {
        var pdf = ScatteredLabels(labels: 2000);
        var options = ConversionOptions.Default with { PageTimeout = TimeSpan.Zero };

        var ex = await Assert.ThrowsAsync<DocStrangeException>(() => DocumentConverter.CreateDefault().ConvertAsync(
            new MemoryStream(pdf), new ConversionRequest("labels.pdf", FileKind.Pdf, options)));

        Assert.Equal(ErrorCode.ProcessingError, ex.Code);
        Assert.Equal("No page of the PDF was done within its time budget (0 s).", ex.Message);
    }

    [Fact]
    public async Task A_page_of_thousands_of_scattered_labels_is_read_whole_within_the_default_budget()
    {
        var pdf = ScatteredLabels(labels: 3000);

        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(pdf),
            new ConversionRequest("labels.pdf", FileKind.Pdf, ConversionOptions.Default));

        Assert.Empty(document.Warnings);
        var text = string.Join(" ", document.Blocks.Select(b => b.Text));
        var found = System.Text.RegularExpressions.Regex.Matches(text, @"label(\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 3000), found.Order());
    }

    /// <summary>One page with <paramref name="labels"/> small labels, like a map's: on a grid, drawn in random order, every other row shifted.</summary>
    private static byte[] ScatteredLabels(int labels)
    {
        var random = new Random(11);
        var content = new StringBuilder("BT /F1 2 Tf\n");
        foreach (var i in Enumerable.Range(0, labels).OrderBy(_ => random.Next()))
        {
            var (row, column) = Math.DivRem(i, 50);
            var x = 10 + column * 11.8 + (row % 2) * 4;
            var y = 780 - row * 12.5;
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {x:0.0} {y:0.0} Tm (label{i}) Tj\n");
        }
        content.Append("ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
