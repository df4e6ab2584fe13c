using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

public class PdfReaderTests
{
    private static readonly DocumentConverter Converter = DocumentConverter.CreateDefault();

    private static Task<DocumentModel> Convert(byte[] bytes, ConversionOptions? options = null, IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Converter.ConvertAsync(new MemoryStream(bytes), new ConversionRequest("test.pdf", FileKind.Pdf, options ?? ConversionOptions.Default) { Progress = progress }, cancellationToken);

    private static async Task<DocStrangeException> Fails(byte[] bytes, ConversionOptions? options = null) =>
        await Assert.ThrowsAsync<DocStrangeException>(() => Convert(bytes, options));

    [Fact]
    public async Task Garbage_bytes_without_a_pdf_header_are_not_a_pdf()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        Assert.Equal(ErrorCode.InvalidFileType, (await Fails(bytes)).Code);
    }

    [Fact]
    public async Task A_pdf_header_followed_by_garbage_is_unreadable()
    {
        var bytes = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Repeat((byte)'x', 2000)).ToArray();
        Assert.Equal(ErrorCode.UnreadableDocument, (await Fails(bytes)).Code);
    }

    [Theory]
    [InlineData("pdf/multi_page.pdf")]
    [InlineData("pdf/amt_handbook_sample.pdf")]
    [InlineData("pdf/two_pages.pdf")]
    public async Task A_cut_pdf_is_unreadable_or_a_partial_document(string fixture)
    {
        var whole = TestData.Bytes(fixture);
        foreach (var length in new[] { whole.Length / 2, whole.Length / 3, whole.Length - 40 })
        {
            try
            {
                var document = await Convert(whole[..length]);
                Assert.NotEmpty(document.Pages);
            }
            catch (DocStrangeException ex)
            {
                Assert.Equal(ErrorCode.UnreadableDocument, ex.Code);
            }
        }
    }

    [Fact]
    public async Task A_password_protected_pdf_without_a_password_is_encrypted_document()
    {
        var ex = await Fails(TestData.Bytes("pdf/password_secret.pdf"));
        Assert.Equal(ErrorCode.EncryptedDocument, ex.Code);
        Assert.Contains("password", ex.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_encrypted_document()
    {
        var ex = await Fails(TestData.Bytes("pdf/password_secret.pdf"), new ConversionOptions { Password = "guess" });
        Assert.Equal(ErrorCode.EncryptedDocument, ex.Code);
    }

    [Fact]
    public async Task The_right_password_opens_the_pdf()
    {
        var document = await Convert(TestData.Bytes("pdf/password_secret.pdf"), new ConversionOptions { Password = "secret" });
        Assert.Contains(document.Blocks, b => b.Text.Contains("example word broken"));
    }

    [Theory]
    [InlineData("pdf/empty_user_password.pdf")]
    [InlineData("pdf/empty_user_password_aes256.pdf")]
    public async Task An_empty_user_password_needs_no_password(string fixture)
    {
        var document = await Convert(TestData.Bytes(fixture));
        Assert.Equal("Sample Report", document.Metadata.Title);
        Assert.Equal(2, document.Pages.Count);
    }

    [Fact]
    public async Task Page_selection_converts_only_the_selected_pages()
    {
        var document = await Convert(TestData.Bytes("pdf/two_pages.pdf"), new ConversionOptions { Pages = PageSelection.Parse("2") });
        Assert.Equal([2], document.Pages.Select(p => p.Number));
        Assert.Equal(2, document.Metadata.PageCount);
        Assert.NotEmpty(document.Blocks);
        Assert.All(document.Blocks, b => Assert.Equal(2, b.Provenance?.Page));
        Assert.Contains(document.Blocks, b => b.Text == "First item of the list");
        Assert.DoesNotContain(document.Blocks, b => b.Text.Contains("Sample Report"));
    }

    [Fact]
    public async Task A_selection_outside_the_document_is_invalid_request()
    {
        var ex = await Fails(TestData.Bytes("pdf/two_pages.pdf"), new ConversionOptions { Pages = PageSelection.Parse("5-9") });
        Assert.Equal(ErrorCode.InvalidRequest, ex.Code);
    }

    [Fact]
    public async Task More_pages_than_max_pages_is_too_many_pages()
    {
        var ex = await Fails(TestData.Bytes("pdf/multi_page.pdf"), new ConversionOptions { MaxPages = 4 });
        Assert.Equal(ErrorCode.TooManyPages, ex.Code);
        Assert.Equal(5, ex.Details["pages"]);
        var document = await Convert(TestData.Bytes("pdf/multi_page.pdf"), new ConversionOptions { MaxPages = 5 });
        Assert.Equal(5, document.Pages.Count);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_conversion()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Convert(TestData.Bytes("pdf/multi_page.pdf"), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_at_the_next_page()
    {
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<ConversionProgress>(p => { if (p.PagesDone == 2) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Convert(TestData.Bytes("pdf/multi_page.pdf"), progress: progress, cancellationToken: cts.Token));
        Assert.Equal(2, progress.Reports.Count);
    }

    [Fact]
    public async Task Progress_is_reported_after_each_page()
    {
        var progress = new SyncProgress<ConversionProgress>();
        await Convert(TestData.Bytes("pdf/multi_page.pdf"), new ConversionOptions { Pages = PageSelection.Parse("2-4") }, progress);
        Assert.Equal(
            [new ConversionProgress(ConversionStages.Parsing, 1, 3), new ConversionProgress(ConversionStages.Parsing, 2, 3), new ConversionProgress(ConversionStages.Parsing, 3, 3)],
            progress.Reports);
    }

    [Fact]
    public async Task Pages_and_boxes_use_points_with_a_top_left_origin()
    {
        var document = await Convert(TestData.Bytes("pdf/two_pages.pdf"));
        Assert.All(document.Pages, p => Assert.Equal((612.0, 792.0, 0), (p.Width, p.Height, p.Rotation)));
        Assert.All(document.Blocks, b =>
        {
            var box = Assert.NotNull(b.Provenance?.Box);
            Assert.InRange(box.Left, 0, box.Right);
            Assert.InRange(box.Top, 0, box.Bottom);
            Assert.InRange(box.Bottom, box.Top, 792);
            Assert.InRange(box.Right, box.Left, 612);
        });
        // The title is drawn at y = 740 from the bottom, so about 40-55 points from the top.
        var title = document.Blocks[0];
        Assert.Equal("Sample Report", title.Text);
        Assert.InRange(title.Provenance!.Box!.Value.Top, 30, 60);
        Assert.True(document.Blocks[1].Provenance!.Box!.Value.Top > title.Provenance.Box.Value.Bottom);
    }

    [Fact]
    public async Task The_title_and_headings_are_found_by_font_size()
    {
        var document = await Convert(TestData.Bytes("pdf/two_pages.pdf"));
        var headings = document.Blocks.Where(b => b.Role is BlockRole.Title or BlockRole.Heading).Select(b => (b.Role, b.Text, b.Level));
        Assert.Equal([(BlockRole.Title, "Sample Report", 0), (BlockRole.Heading, "Second Section", 1), (BlockRole.Heading, "Lists", 1)], headings);
    }

    [Fact]
    public async Task A_page_that_fails_is_a_warning_and_the_others_convert()
    {
        var document = await Convert(TestData.Bytes("pdf/broken_page.pdf"));
        Assert.Equal([1, 3], document.Pages.Select(p => p.Number));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((ErrorCode.UnreadableDocument, 2), (warning.Code, warning.Page));
    }

    [Fact]
    public async Task A_document_none_of_whose_pages_can_be_read_is_unreadable()
    {
        Assert.Equal(ErrorCode.UnreadableDocument, (await Fails(TestData.Bytes("pdf/all_pages_broken.pdf"))).Code);
    }

    [Fact]
    public async Task A_page_with_only_an_image_says_it_has_no_text_layer_when_ocr_is_off()
    {
        var document = await Convert(TestData.Bytes("pdf/image_only.pdf"), new ConversionOptions { Ocr = OcrMode.Never });
        Assert.Empty(document.Blocks);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(ErrorCode.OcrFailed, warning.Code);
        Assert.Equal("page 1 has no text layer and OCR is off (ocr=never)", warning.Message);
    }

    [Fact]
    public async Task Two_columns_are_read_column_by_column_and_a_paragraph_cut_between_them_is_joined()
    {
        var document = await Convert(TestData.Bytes("pdf/amt_handbook_sample.pdf"));
        var texts = document.Blocks.Select(b => b.Text).ToList();
        var leftColumn = texts.FindIndex(t => t.StartsWith("The two general types of self-locking nuts"));
        var rightColumn = texts.FindIndex(t => t.Contains("The wing type that is the most common ranges in size"));
        Assert.InRange(leftColumn, 0, rightColumn - 1);
        Assert.Contains("eliminate rotation or misalignment when tightening", texts[0]);
    }

    [Fact]
    public async Task Right_to_left_text_comes_out_in_reading_order()
    {
        var document = await Convert(TestData.Bytes("pdf/right_to_left_01.pdf"));
        Assert.StartsWith("تحسين الإنتاجية", document.Blocks[0].Text);
    }

    [Fact]
    public async Task A_rotated_page_is_read_upright_with_boxes_on_the_displayed_page()
    {
        var document = await Convert(TestData.Bytes("pdf/rotated_page.pdf"));
        var page = document.Pages[0];
        Assert.Equal((792.0, 612.0, 90), (page.Width, page.Height, page.Rotation));
        var first = document.Blocks[0];
        Assert.Equal(("Sample Report", 1), (first.Text, first.Provenance!.Page));
        // Turned a quarter clockwise, the top of the page is now its right edge.
        Assert.InRange(first.Provenance.Box!.Value.Right, 700, 792);
        Assert.Contains(document.Blocks, b => b.Text.StartsWith("This paragraph shows how an example word"));
    }
}
