using DocStrange.Document.Conversion;
using DocStrange.Document.Files;
using DocStrange.Extraction.Formats.Image;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;
using DocStrange.Extraction.Ocr.Paddle;

namespace DocStrange.Extraction.Tests.Ocr.Paddle;

public class PaddleOcrEngineTests
{
    private const string PhototestText =
        "This is a lot of 12 point text to test the ocr code and see if it works on all types of file format. " +
        "The quick brown dog jumped over the lazy fox. The quick brown dog jumped over the lazy fox. " +
        "The quick brown dog jumped over the lazy fox. The quick brown dog jumped over the lazy fox.";

    internal static async Task<OcrPage> Read(string fixture, PaddleOcrEngine? engine = null)
    {
        using var image = ImageDecoding.Decode(TestData.Bytes(fixture), FileKinds.FromFileName(fixture), 0, 100_000_000, fixture);
        return await (engine ?? PaddleTestModels.Engine).RecognizeAsync(image, ["eng"], CancellationToken.None);
    }

    [Fact]
    public async Task A_scanned_page_reads_as_its_text()
    {
        var page = await Read("image/phototest.png");

        var text = string.Join(' ', page.Lines.Select(l => l.Text));
        var similarity = TextSimilarity.Of(text, PhototestText);
        Assert.True(similarity >= 0.9, $"similarity {similarity:0.000}: {text}");
        Assert.InRange(page.MeanConfidence!.Value, 0.8, 1);
    }

    [Fact]
    public async Task Words_have_boxes_over_their_ink_in_reading_order_along_the_line()
    {
        var page = await Read("image/phototest.png");
        using var image = ImageDecoding.Decode(TestData.Bytes("image/phototest.png"), FileKind.Png, 0, 100_000_000, "phototest.png");
        using var grey = image.Pix.ToGrey();
        var pixels = GreyImage.From(grey);

        var words = page.Words.ToList();
        Assert.True(words.Count > 50, $"{words.Count} words");
        foreach (var word in words)
        {
            Assert.True(word.Box.Left >= 0 && word.Box.Right <= page.Width && word.Box.Top >= 0 && word.Box.Bottom <= page.Height, $"{word.Text} at {word.Box}");
            Assert.True(InkShare(pixels, word.Box) > 0.05, $"no ink under {word.Text} at {word.Box}");
            Assert.InRange(word.Confidence, 0, 1);
        }
        foreach (var line in page.Lines)
        {
            for (var i = 1; i < line.Words.Count; i++)
            {
                Assert.True(line.Words[i].Box.Left >= line.Words[i - 1].Box.Left + line.Words[i - 1].Box.Width / 2, $"{line.Words[i - 1].Text} / {line.Words[i].Text}");
            }
        }
        // "fox." closes the last line, well right of the line's first word.
        var last = page.Lines[^1];
        Assert.StartsWith("fox", last.Words[^1].Text);
        Assert.True(last.Words[^1].Box.Left > last.Words[0].Box.Right);
    }

    [Fact]
    public async Task Lines_get_a_font_size_paragraphs_and_upright_boxes_on_an_upright_page()
    {
        var page = await Read("image/phototest.png");

        Assert.All(page.Lines, l => Assert.InRange(l.FontSize, 10, 40));
        Assert.All(page.Words, w => Assert.Equal(w.Box, w.Upright));
        // The lines of a paragraph come together, and the page's running text is not one line per paragraph.
        var paragraphs = page.Lines.Select(l => l.Paragraph).ToList();
        Assert.Equal(paragraphs.Order(), paragraphs);
        Assert.InRange(paragraphs.Distinct().Count(), 1, page.Lines.Count / 2);
    }

    [Fact]
    public async Task An_upside_down_scan_is_read_upright_and_its_boxes_stay_on_the_image_as_given()
    {
        var page = await Read("image/phototest_upside_down.png");

        var similarity = TextSimilarity.Of(string.Join(' ', page.Lines.Select(l => l.Text)), PhototestText);
        Assert.True(similarity >= 0.9, $"similarity {similarity:0.000}");
        // The first words read are printed at the bottom right of the upside-down image.
        var first = page.Lines[0].Words[0];
        Assert.Equal("This", first.Text);
        Assert.True(first.Box.Top > page.Height / 2 && first.Box.Left > page.Width / 2, $"box {first.Box}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_sideways_scan_is_read_upright(int quarterTurns)
    {
        using var upright = ImageDecoding.Decode(TestData.Bytes("image/phototest.png"), FileKind.Png, 0, 100_000_000, "phototest.png");
        using var sideways = new OcrImage(upright.Pix.RotateQuarterTurns(quarterTurns), upright.Resolution);

        var page = await PaddleTestModels.Engine.RecognizeAsync(sideways, ["eng"], CancellationToken.None);

        var similarity = TextSimilarity.Of(string.Join(' ', page.Lines.Select(l => l.Text)), PhototestText);
        Assert.True(similarity >= 0.9, $"similarity {similarity:0.000}");
        Assert.Equal((upright.Height, upright.Width), (page.Width, page.Height));
        Assert.All(page.Words, w => Assert.True(w.Box.Right <= page.Width && w.Box.Bottom <= page.Height, $"{w.Text} at {w.Box}"));
    }

    [Theory]
    [InlineData(PaddleModelFiles.Recognition)]
    [InlineData(PaddleModelFiles.Detection)]
    [InlineData(PaddleModelFiles.Keys)]
    public async Task A_missing_model_file_fails_the_page_naming_the_file(string file)
    {
        var engine = new PaddleOcrEngine(new PaddleOcrOptions { ModelPath = PaddleTestModels.CopyWithout(left: file) });

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Read("image/phototest.png", engine));
        Assert.Contains(file, error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public async Task A_damaged_model_file_fails_every_page_naming_the_file()
    {
        var engine = new PaddleOcrEngine(new PaddleOcrOptions { ModelPath = PaddleTestModels.CopyWithout(damaged: PaddleModelFiles.Detection) });

        var first = await Assert.ThrowsAsync<OcrEngineException>(() => Read("image/phototest.png", engine));
        var second = Assert.Throws<OcrEngineException>(engine.EnsureLoaded);
        Assert.Contains(PaddleModelFiles.Detection, first.Message);
        Assert.Contains("could not be loaded", first.Message);
        Assert.Equal(first.Message, second.Message);
    }

    [Theory]
    [InlineData(OcrEngineChoice.Paddle)]
    [InlineData(OcrEngineChoice.Tesseract)]
    [InlineData(OcrEngineChoice.Auto)]
    public async Task A_converter_reads_an_image_with_the_engine_the_request_asks_for(OcrEngineChoice choice)
    {
        var options = ConversionOptions.Default with { OcrEngine = choice };
        var document = await DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(TestData.Bytes("image/phototest.png")),
            new ConversionRequest("phototest.png", FileKind.Png, options));

        Assert.Contains(document.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox"));
        Assert.True(document.Pages[0].Ocr);
    }

    private static double InkShare(GreyImage image, Document.Model.BoundingBox box)
    {
        int dark = 0, all = 0;
        for (var y = (int)box.Top; y < (int)box.Bottom; y++)
        {
            for (var x = (int)box.Left; x < (int)box.Right; x++, all++)
            {
                if (image.Pixels[y * image.Width + x] < 128) dark++;
            }
        }
        return all == 0 ? 0 : (double)dark / all;
    }
}
