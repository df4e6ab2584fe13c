using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr;

public class ImageReaderTests
{
    private static Task<DocumentModel> Convert(byte[] bytes, string name, ConversionOptions? options = null, IOcrEngine? engine = null) =>
        DocumentConverter.CreateDefault(new ReaderSettings { Ocr = engine }).ConvertAsync(new MemoryStream(bytes),
            new ConversionRequest(name, FileKinds.FromFileName(name), options ?? ConversionOptions.Default));

    private static async Task<DocStrangeException> Fails(byte[] bytes, string name, ConversionOptions? options = null) =>
        await Assert.ThrowsAsync<DocStrangeException>(() => Convert(bytes, name, options));

    [Fact]
    public async Task A_scanned_page_becomes_blocks_with_word_boxes_and_confidences()
    {
        var document = await Convert(TestData.Bytes("image/phototest.png"), "phototest.png");

        var page = Assert.Single(document.Pages);
        Assert.True(page.Ocr);
        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox."));
        var words = document.Blocks.SelectMany(b => b.Words ?? []).ToList();
        Assert.True(words.Count > 50);
        Assert.All(words, w => Assert.InRange(w.Confidence, 0, 1));
        Assert.All(words, w => Assert.True(w.Box.Left >= 0 && w.Box.Right <= page.Width && w.Box.Top >= 0 && w.Box.Bottom <= page.Height));
        Assert.All(document.Blocks, b => Assert.InRange(b.Confidence!.Value, 0.5, 1));
        Assert.InRange(document.Metadata.OcrConfidence!.Value, 0.8, 1);
    }

    [Fact]
    public async Task An_upside_down_scan_is_turned_upright_and_its_boxes_stay_on_the_image_as_given()
    {
        var document = await Convert(TestData.Bytes("image/phototest_upside_down.png"), "upside_down.png");

        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox."));
        // The first words read are printed at the bottom right of the upside-down image.
        var page = document.Pages[0];
        var first = document.Blocks[0].Words![0];
        Assert.Equal("This", first.Text);
        Assert.True(first.Box.Top > page.Height / 2 && first.Box.Left > page.Width / 2, $"box {first.Box}");
    }

    [Fact]
    public async Task The_exif_orientation_of_a_photo_is_applied_before_recognition()
    {
        // The JPEG stores the page a quarter turn counterclockwise (480 × 640) and says so in EXIF (orientation 6).
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert(TestData.Bytes("image/phototest_exif6.jpg"), "photo.jpg", engine: engine);

        Assert.Equal((640, 480), (engine.Images[0].Width, engine.Images[0].Height));
        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox."));
    }

    [Fact]
    public async Task A_png_with_a_transparent_background_is_read_as_if_on_white_paper()
    {
        // Black text on fully transparent black: without its alpha the whole image is black.
        var document = await Convert(TestData.Bytes("image/phototest_transparent.png"), "transparent.png");

        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox."));
    }

    [Fact]
    public async Task Every_page_of_a_multi_page_tiff_is_read()
    {
        var document = await Convert(TestData.Bytes("image/two_pages.tif"), "two.tif");

        Assert.Equal([1, 2], document.Pages.Select(p => p.Number));
        Assert.Equal(2, document.Metadata.PageCount);
        Assert.Contains(document.Blocks, b => b.Provenance!.Page == 2 && b.Text.Contains("lazy fox"));
    }

    [Fact]
    public async Task A_tiff_whose_second_page_is_broken_keeps_the_first_and_warns_about_the_second()
    {
        var document = await Convert(TestImages.TiffWithBrokenSecondPage(), "broken.tiff");

        Assert.Equal([1], document.Pages.Select(p => p.Number));
        Assert.Equal(2, document.Metadata.PageCount);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((ErrorCode.UnreadableDocument, 2), (warning.Code, warning.Page));
    }

    [Fact]
    public async Task A_corrupt_image_is_unreadable()
    {
        var png = TestData.Bytes("image/phototest.png");
        var corrupt = png[..60].Concat(Enumerable.Repeat((byte)0x5A, 4000)).ToArray();

        var error = await Fails(corrupt, "corrupt.png");

        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
        Assert.Equal("corrupt.png", error.Details["file_name"]);
    }

    [Fact]
    public async Task A_100_megapixel_image_is_refused_before_it_is_decoded()
    {
        var bomb = TestImages.WhitePng(10_000, 10_000);
        Assert.True(bomb.Length < 100_000);

        var error = await Fails(bomb, "bomb.png");

        Assert.Equal(ErrorCode.FileTooLarge, error.Code);
        Assert.Equal((10_000L, 10_000L, ConversionOptions.Default.MaxImagePixels),
            ((long)error.Details["width"]!, (long)error.Details["height"]!, (long)error.Details["max_pixels"]!));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("tiff")]
    [InlineData("jpg")]
    public async Task An_image_declaring_billions_of_pixels_is_refused_from_its_header(string extension)
    {
        // JPEG sizes are 16-bit, and libjpeg takes no side over 65,500.
        var (width, height, bytes) = extension switch
        {
            "png" => (100_000L, 100_000L, TestImages.PngHeaderOnly(100_000, 100_000)),
            "tiff" => (100_000L, 100_000L, TestImages.TiffHeaderOnly(100_000, 100_000)),
            _ => (65_500L, 65_500L, TestImages.JpegHeaderOnly(65_500, 65_500)),
        };

        var error = await Fails(bytes, "bomb." + extension);

        // No pixel data is there to decode: the size can only have come from the header.
        Assert.Equal(ErrorCode.FileTooLarge, error.Code);
        Assert.Equal((width, height, ConversionOptions.Default.MaxImagePixels),
            ((long)error.Details["width"]!, (long)error.Details["height"]!, (long)error.Details["max_pixels"]!));
    }

    [Fact]
    public async Task The_pixel_limit_is_an_option()
    {
        var image = TestImages.WhitePng(100, 100);

        Assert.Equal(ErrorCode.FileTooLarge, (await Fails(image, "small.png", new ConversionOptions { MaxImagePixels = 9_999 })).Code);
        var document = await Convert(image, "small.png", new ConversionOptions { MaxImagePixels = 10_000 });
        Assert.Empty(document.Blocks);
        Assert.True(Assert.Single(document.Pages).Ocr);
    }

    [Fact]
    public async Task One_page_whose_recognition_fails_is_a_warning_and_the_other_pages_still_convert()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared, failFirst: true);

        var document = await Convert(TestData.Bytes("image/two_pages.tif"), "two.tif", engine: engine);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal(ErrorCode.OcrFailed, warning.Code);
        Assert.Equal(2, document.Pages.Count);
        Assert.Single(document.Pages, p => p.Ocr);
        Assert.Contains(document.Blocks, b => b.Text.Contains("lazy fox") && b.Provenance!.Page != warning.Page);
    }

    [Fact]
    public async Task A_language_that_is_not_installed_is_an_invalid_request()
    {
        var error = await Fails(TestData.Bytes("image/phototest.png"), "p.png", new ConversionOptions { Languages = ["xx_nonexistent"] });

        Assert.Equal(ErrorCode.InvalidRequest, error.Code);
        Assert.Equal("languages", error.Details["field"]);
    }

    [Fact]
    public async Task With_ocr_never_an_image_gives_its_pages_without_text_and_says_why()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert(TestData.Bytes("image/two_pages.tif"), "two.tif", new ConversionOptions { Ocr = OcrMode.Never }, engine);

        Assert.Empty(engine.Images);
        Assert.Empty(document.Blocks);
        Assert.Equal([1, 2], document.Pages.Select(p => p.Number));
        Assert.All(document.Warnings, w => Assert.Equal(ErrorCode.OcrFailed, w.Code));
        Assert.Equal(2, document.Warnings.Count);
    }

    [Fact]
    public async Task Progress_is_reported_per_recognised_page()
    {
        var progress = new SyncProgress<ConversionProgress>();
        await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(TestData.Bytes("image/two_pages.tif")),
            new ConversionRequest("two.tif", FileKind.Tiff, ConversionOptions.Default) { Progress = progress });

        Assert.Equal([1, 2], progress.Reports.Where(r => r.Stage == ConversionStages.Ocr).Select(r => r.PagesDone).Order());
        Assert.All(progress.Reports, r => Assert.Equal(2, r.PagesTotal));
    }
}
