using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr;

public class PdfOcrTests
{
    private static Task<DocumentModel> Convert(string fixture, ConversionOptions? options = null, IOcrEngine? engine = null) =>
        DocumentConverter.CreateDefault(new ReaderSettings { Ocr = engine }).ConvertAsync(new MemoryStream(TestData.Bytes(fixture)),
            new ConversionRequest("scan.pdf", FileKind.Pdf, options ?? ConversionOptions.Default));

    [Fact]
    public async Task A_page_that_is_one_stored_jpeg_is_recognised_from_it_turned_as_the_page_shows_it()
    {
        // The page is 480 × 640 with /Rotate 90; its JPEG is stored a quarter turn counterclockwise.
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert("pdf/scan_rotated_jpeg.pdf", engine: engine);

        Assert.Equal((640, 480), (engine.Images[0].Width, engine.Images[0].Height));
        var page = Assert.Single(document.Pages);
        Assert.Equal((640.0, 480.0, true), (page.Width, page.Height, page.Ocr));
        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox."));
        var first = document.Blocks[0].Words![0];
        Assert.True(first.Box.Top < page.Height / 4 && first.Box.Left < page.Width / 4, $"box {first.Box}");
    }

    [Fact]
    public async Task A_page_whose_image_is_not_a_jpeg_is_rendered_by_pdftoppm_at_the_image_resolution()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert("pdf/scan_flate.pdf", engine: engine);

        Assert.Equal((640, 480, 72), engine.Images[0]);
        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox."));
        Assert.NotNull(document.Metadata.OcrConfidence);
    }

    [Fact]
    public async Task With_ocr_never_a_page_without_text_is_only_reported()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert("pdf/scan_flate.pdf", new ConversionOptions { Ocr = OcrMode.Never }, engine);

        Assert.Empty(engine.Images);
        Assert.Empty(document.Blocks);
        Assert.False(document.Pages[0].Ocr);
        Assert.Equal(ErrorCode.OcrFailed, Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public async Task With_ocr_always_a_page_with_a_good_text_layer_is_recognised_too()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert("pdf/two_pages.pdf", new ConversionOptions { Ocr = OcrMode.Always, Pages = PageSelection.Parse("1") }, engine);

        var page = Assert.Single(engine.Images);
        Assert.Equal(300, page.Resolution);
        Assert.True(document.Pages[0].Ocr);
        Assert.All(document.Blocks, b => Assert.NotNull(b.Words));
    }

    [Fact]
    public async Task In_auto_mode_a_born_digital_page_keeps_its_text_layer()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared);
        var document = await Convert("pdf/two_pages.pdf", engine: engine);

        Assert.Empty(engine.Images);
        Assert.All(document.Pages, p => Assert.False(p.Ocr));
        Assert.All(document.Blocks, b => Assert.Null(b.Confidence));
    }

    [Fact]
    public async Task A_page_whose_recognition_fails_keeps_its_place_with_an_ocr_failed_warning()
    {
        var engine = new RecordingEngine(TesseractOcrEngine.Shared, failFirst: true);
        var document = await Convert("pdf/scan_flate.pdf", engine: engine);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal((ErrorCode.OcrFailed, 1), (warning.Code, warning.Page));
        Assert.False(Assert.Single(document.Pages).Ocr);
        Assert.Empty(document.Blocks);
    }
}
