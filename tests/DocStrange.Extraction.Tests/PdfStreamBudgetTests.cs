using System.IO.Compression;
using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Extraction.Formats.Pdf;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace DocStrange.Extraction.Tests;

/// <summary>PDF streams that inflate past <see cref="ReaderLimits.MaxPdfStreamBytes"/> or, together, <see cref="ReaderLimits.MaxPdfDecodedBytes"/>.</summary>
public class PdfStreamBudgetTests
{
    private static readonly DictionaryToken NoParameters = new(new Dictionary<NameToken, IToken>());

    private static Task<Document.Model.DocumentModel> Convert(byte[] pdf) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(pdf), new ConversionRequest("bomb.pdf", FileKind.Pdf, ConversionOptions.Default));

    // A page whose content draws a line of text, then inflates to `spaces` more bytes of spaces: deflated as it is made.
    private static byte[] PageInflatingTo(long spaces)
    {
        var compressed = Deflated(spaces);
        return HandWrittenPdf.Of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            HandWrittenPdf.Stream("/Filter /FlateDecode", Encoding.Latin1.GetString(compressed)),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    }

    private static byte[] Deflated(long spaces)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n"u8);
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (var left = spaces; left > 0; left -= chunk.Length) zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
        return compressed.ToArray();
    }

    [Fact]
    public async Task A_page_whose_content_inflates_past_the_stream_budget_is_refused_as_too_large()
    {
        // 300 MB of spaces deflate to about 300 KB; PdfPig inflated it whole (1 GiB took 2.6 GB).
        var pdf = PageInflatingTo(300L << 20);
        Assert.True(pdf.Length < 2 << 20);

        var error = await Assert.ThrowsAsync<DocStrangeException>(() => Convert(pdf));

        Assert.Equal(ErrorCode.FileTooLarge, error.Code);
        Assert.Equal(("bomb.pdf", "max_stream_bytes", ReaderLimits.MaxPdfStreamBytes),
            (error.Details["file_name"], error.Details["limit"], error.Details["max"]));
    }

    [Fact]
    public async Task A_page_within_the_budget_reads_as_before()
    {
        var document = await Convert(PageInflatingTo(4 << 20));

        Assert.Equal("Hello", Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public void Streams_that_inflate_past_the_budget_together_are_refused_and_so_is_every_stream_after()
    {
        var budget = new PdfStreamBudget("b.pdf", maxStreamBytes: 10_000, maxDecodedBytes: 25_000);
        var flate = budget.Filters.GetNamedFilters([NameToken.FlateDecode])[0];
        Memory<byte> eightThousand = Deflated(8_000 - 37);

        for (var i = 0; i < 3; i++) Assert.Equal(8_000, flate.Decode(eightThousand, NoParameters, budget.Filters, 0).Length);
        var error = Assert.Throws<DocStrangeException>(() => flate.Decode(eightThousand, NoParameters, budget.Filters, 0));

        Assert.Equal((ErrorCode.FileTooLarge, "max_decoded_bytes", 25_000L), (error.Code, error.Details["limit"], error.Details["max"]));
        Assert.Same(error, budget.Refusal);
        Assert.Same(error, Assert.Throws<DocStrangeException>(() => flate.Decode(Deflated(0), NoParameters, budget.Filters, 0)));
    }

    [Fact]
    public void One_stream_past_the_stream_budget_is_refused_before_it_is_inflated()
    {
        var budget = new PdfStreamBudget("b.pdf", maxStreamBytes: 1 << 20);
        var flate = budget.Filters.GetNamedFilters([NameToken.FlateDecode])[0];

        var error = Assert.Throws<DocStrangeException>(() => flate.Decode(Deflated(2 << 20), NoParameters, budget.Filters, 0));

        Assert.Equal((ErrorCode.FileTooLarge, "max_stream_bytes", 1L << 20), (error.Code, error.Details["limit"], error.Details["max"]));
    }

    [Fact]
    public void Flate_lzw_and_run_length_data_are_measured_as_long_as_pdfpig_decodes_them()
    {
        Memory<byte> flate = Deflated(1 << 20);
        Memory<byte> lzw = LzwRunOfZeros(tables: 2);
        Memory<byte> runLength = Enumerable.Repeat(new byte[] { 129, 0, 2, 7, 8, 9 }, 1_000).SelectMany(b => b).Append((byte)128).ToArray();

        Assert.Equal(new FlateFilter().Decode(flate, NoParameters, DefaultFilterProvider.Instance, 0).Length, PdfStreamBudget.FlateLength(flate, NoParameters, 0, long.MaxValue));
        Assert.Equal(new LzwFilter().Decode(lzw, NoParameters, DefaultFilterProvider.Instance, 0).Length, PdfStreamBudget.LzwLength(lzw, NoParameters, 0, long.MaxValue));
        Assert.Equal(131_000, PdfStreamBudget.RunLength(runLength, NoParameters, 0, long.MaxValue));
        Assert.Equal(131_000, new RunLengthFilter().Decode(runLength, NoParameters, DefaultFilterProvider.Instance, 0).Length);

        // 11 KB of LZW codes for 15 MB: refused without being decoded.
        var budget = new PdfStreamBudget("b.pdf", maxStreamBytes: 1 << 20);
        var error = Assert.Throws<DocStrangeException>(() => budget.Filters.GetNamedFilters([NameToken.LzwDecode])[0].Decode(lzw, NoParameters, budget.Filters, 0));
        Assert.Equal("max_stream_bytes", error.Details["limit"]);
    }

    // LZW's densest data: after a literal 0, each code is the next free one, standing for the last sequence and one
    // more 0 (the case where the code is not yet in the table), until the 12-bit table is full; then a clear code.
    private static byte[] LzwRunOfZeros(int tables)
    {
        var bits = new List<bool>();
        void Write(int code, int width)
        {
            for (var b = width - 1; b >= 0; b--) bits.Add(((code >> b) & 1) == 1);
        }
        var width = 9;
        for (var t = 0; t < tables; t++)
        {
            Write(0, width);
            for (var next = 258; next < 4096; next++)
            {
                Write(next, width);
                // The decoder widens its codes once its table (one entry behind this code) reaches 2^width - 1 (EarlyChange 1).
                if (next + 1 + 1 >= 1 << width && width < 12) width++;
            }
            Write(256, width);
            width = 9;
        }
        Write(257, width);
        var bytes = new byte[(bits.Count + 7) / 8];
        for (var i = 0; i < bits.Count; i++) if (bits[i]) bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        return bytes;
    }
}
