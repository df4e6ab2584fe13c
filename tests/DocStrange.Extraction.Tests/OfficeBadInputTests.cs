using System.IO.Compression;
using DocStrange.Document.Errors;

namespace DocStrange.Extraction.Tests;

/// <summary>Zip bombs, broken containers, malformed XML and renamed files each give their own error code.</summary>
public class OfficeBadInputTests
{
    private static readonly (string, object)[] HelloDocx = OfficeFiles.Docx("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");

    [Fact]
    public async Task A_valid_minimal_docx_reads()
    {
        var document = await OfficeFiles.Convert(OfficeFiles.Zip(HelloDocx), "hello.docx");
        Assert.Equal("Hello", Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public async Task Total_uncompressed_size_over_the_limit_is_file_too_large()
    {
        var bytes = OfficeFiles.Zip([.. HelloDocx, ("word/media/big.bin", 3L << 20)]);
        var options = new ConversionOptions { Zip = new ZipLimits { MaxUncompressedBytes = 2 << 20, MaxCompressionRatio = double.MaxValue } };
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(bytes, "bomb.docx", options));
        Assert.Equal(ErrorCode.FileTooLarge, error.Code);
        Assert.Equal("uncompressed_size", error.Details["limit"]);
        Assert.StartsWith("'bomb.docx' is refused as a possible zip bomb: its parts inflate to more than 2,097,152 bytes", error.Message);
    }

    [Fact]
    public async Task An_entry_that_inflates_too_many_times_is_file_too_large()
    {
        // 8 MiB of zeros deflates to a few KiB: a ratio in the thousands, over the default limit of 250.
        var bytes = OfficeFiles.Zip([.. HelloDocx, ("word/media/zeros.bin", 8L << 20)]);
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(bytes, "ratio.docx"));
        Assert.Equal(ErrorCode.FileTooLarge, error.Code);
        Assert.Equal("compression_ratio", error.Details["limit"]);
        Assert.Contains("'word/media/zeros.bin' inflates", error.Message);
    }

    [Fact]
    public async Task Too_many_entries_is_file_too_large()
    {
        var bytes = OfficeFiles.Zip([.. HelloDocx, .. Enumerable.Range(0, 20).Select(i => ($"extra/{i}.xml", (object)"<x/>"))]);
        var options = new ConversionOptions { Zip = new ZipLimits { MaxEntries = 10 } };
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(bytes, "many.xlsx", options));
        Assert.Equal(ErrorCode.FileTooLarge, error.Code);
        Assert.Equal("entry_count", error.Details["limit"]);
        Assert.Equal("'many.xlsx' is refused as a possible zip bomb: it holds 23 entries, more than the limit of 10.", error.Message);
    }

    [Fact]
    public void An_entry_that_lies_about_its_size_inflates_no_further_than_declared()
    {
        // Patch the declared uncompressed size of the entry (local header and central directory) down to 1 KiB.
        var bytes = OfficeFiles.Zip(("data.bin", 4L << 20));
        PatchUncompressedSize(bytes, 1024);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal(1024, entry.Length);
        long total = 0;
        try
        {
            using var stream = entry.Open();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(buffer)) > 0) total += read;
        }
        catch (InvalidDataException)
        {
            // Refusing the entry outright is as good as stopping at the declared size.
        }
        Assert.True(total <= 1024, $"inflated {total} bytes from an entry declaring 1024");
    }

    [Fact]
    public async Task A_docx_renamed_xlsx_names_its_true_kind()
    {
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(OfficeFiles.Zip(HelloDocx), "report.xlsx"));
        Assert.Equal(ErrorCode.InvalidFileType, error.Code);
        Assert.Equal("'report.xlsx' is a Word document (DOCX), not XLSX. Rename it to .docx and send it again.", error.Message);
        Assert.Equal("docx", error.Details["detected_type"]);
    }

    [Fact]
    public async Task A_plain_zip_named_pptx_is_invalid_file_type()
    {
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(OfficeFiles.Zip(("notes.txt", "hi")), "deck.pptx"));
        Assert.Equal(ErrorCode.InvalidFileType, error.Code);
        Assert.Equal("'deck.pptx' is a ZIP archive that is no office document, not PPTX.", error.Message);
    }

    [Fact]
    public async Task A_truncated_container_is_unreadable()
    {
        var bytes = OfficeFiles.Zip(HelloDocx);
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(bytes[..(bytes.Length / 2)], "cut.docx"));
        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
    }

    [Fact]
    public async Task Malformed_xml_in_a_part_is_unreadable()
    {
        var bytes = OfficeFiles.Zip(OfficeFiles.Docx("<w:p><w:r><w:t>never closed</w:r></w:p>"));
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(bytes, "broken.docx"));
        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
        Assert.Equal("'broken.docx' cannot be read: its part 'word/document.xml' is not well-formed XML.", error.Message);
        // The parser's own words stay with the inner exception, for the server's log.
        var parser = Assert.IsType<System.Xml.XmlException>(error.InnerException);
        Assert.DoesNotContain(parser.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_workbook_xml_is_unreadable_with_a_stable_message()
    {
        var bytes = Replace(File.ReadAllBytes(TestData.PathOf("xlsx/formats.xlsx")), "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"></workbook>");
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(bytes, "broken.xlsx"));
        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
        Assert.Equal("'broken.xlsx' cannot be read: its part 'xl/workbook.xml' is not well-formed XML.", error.Message);
        Assert.DoesNotContain("line", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Xml_nested_absurdly_deep_is_unreadable_not_a_stack_overflow()
    {
        const int levels = 2000;
        var body = string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", levels)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", levels));
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(OfficeFiles.Zip(OfficeFiles.Docx(body)), "deep.docx"));
        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
        Assert.Equal("'deep.docx' cannot be read: its part 'word/document.xml' nests elements more than 1000 deep.", error.Message);
    }

    [Fact]
    public async Task Tables_nested_deeper_than_the_walker_allows_keep_the_outer_table()
    {
        // 300 levels is well-formed and shallow enough to parse; the walker stops descending at its limit.
        const int levels = 300;
        var body = string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", levels)) + "<w:p><w:r><w:t>core</w:t></w:r></w:p>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", levels));
        var document = await OfficeFiles.Convert(OfficeFiles.Zip(OfficeFiles.Docx(body)), "nested.docx");
        var table = Assert.Single(document.Tables);
        Assert.Equal((1, 1, ""), (table.RowCount, table.ColumnCount, table.Cells[0].Text));
    }

    [Fact]
    public async Task Malformed_sheet_xml_is_unreadable()
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("xlsx/formats.xlsx"));
        using (var zip = new ZipArchive(new MemoryStream(bytes, 0, bytes.Length, writable: false), ZipArchiveMode.Read))
        {
            Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));
        }
        var broken = Replace(bytes, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>");
        var error = await Assert.ThrowsAsync<DocStrangeException>(() => OfficeFiles.Convert(broken, "broken.xlsx"));
        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
        Assert.Equal("The file could not be read as XLSX: it is damaged or not what its name says.", error.Message);
    }

    private static byte[] Replace(byte[] zipBytes, string entryName, string content)
    {
        using var output = new MemoryStream();
        output.Write(zipBytes);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entryName)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }
        return output.ToArray();
    }

    // Local header: uncompressed size at offset 22; central directory header: at offset 24.
    private static void PatchUncompressedSize(byte[] zip, int size)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04) BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
        }
    }
}
