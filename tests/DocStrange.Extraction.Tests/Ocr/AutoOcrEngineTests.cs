using DocStrange.Document.Conversion;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr;

public class AutoOcrEngineTests
{
    private static Task<OcrPage> Read(IOcrEngine engine, params string[] languages) =>
        engine.RecognizeAsync(null!, languages.Length == 0 ? ["eng"] : languages, CancellationToken.None);

    [Fact]
    public async Task A_page_the_first_engine_reads_confidently_is_not_read_again()
    {
        var (first, second) = (new FixedReadingEngine("tesseract", 0.92), new FixedReadingEngine("paddle", 0.99));

        var page = await Read(new AutoOcrEngine(first, second));

        Assert.Equal("tesseract", page.Lines[0].Text);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task A_page_read_with_low_confidence_is_read_again_and_the_better_reading_kept()
    {
        var second = new FixedReadingEngine("paddle reads it", 0.95);

        var better = await Read(new AutoOcrEngine(new FixedReadingEngine("t3ss", 0.4), second));
        var worse = await Read(new AutoOcrEngine(new FixedReadingEngine("tesseract reads it well", 0.7), new FixedReadingEngine("p", 0.9)));

        Assert.Equal("paddle reads it", better.Lines[0].Text);
        Assert.Equal(1, second.Calls);
        Assert.Equal("tesseract reads it well", worse.Lines[0].Text);
    }

    [Theory]
    [InlineData("blank_page.png", 0)]
    [InlineData("cjk_lines.png", 1)]
    public async Task A_blank_page_is_not_read_again_but_a_page_of_text_the_first_engine_cannot_read_is(string file, int secondCalls)
    {
        var second = new FixedReadingEngine("paddle", 0.95, ["eng", "chi_sim"]);
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ocrdata", file));
        using var image = DocStrange.Extraction.Formats.Image.ImageDecoding.Decode(bytes, DocStrange.Document.Files.FileKind.Png, 0, 64_000_000, file);

        await new AutoOcrEngine(new TesseractOcrEngine(), second).RecognizeAsync(image, ["eng"], CancellationToken.None);

        Assert.Equal(secondCalls, second.Calls);
    }

    [Fact]
    public async Task The_rules_the_first_engine_found_on_the_image_stay_with_the_second_reading()
    {
        List<Document.Model.BoundingBox> rules = [new(10, 40, 90, 41), new(50, 40, 51, 90)];

        var page = await Read(new AutoOcrEngine(new FixedReadingEngine("t3ss", 0.4, rules: rules), new FixedReadingEngine("paddle reads it", 0.95)));

        Assert.Equal("paddle reads it", page.Lines[0].Text);
        Assert.Equal(rules, page.Rules);
    }

    [Fact]
    public async Task When_the_second_engine_fails_or_lacks_the_language_the_first_reading_stands()
    {
        var broken = new FixedReadingEngine("paddle", 0.99, fails: true);
        var latinOnly = new FixedReadingEngine("paddle", 0.99, ["eng"]);

        var afterFailure = await Read(new AutoOcrEngine(new FixedReadingEngine("tess", 0.3), broken));
        var german = await Read(new AutoOcrEngine(new FixedReadingEngine("tess", 0.3, ["deu", "eng"]), latinOnly), "deu");

        Assert.Equal("tess", afterFailure.Lines[0].Text);
        Assert.Equal(1, broken.Calls);
        Assert.Equal("tess", german.Lines[0].Text);
        Assert.Equal(0, latinOnly.Calls);
    }

    [Theory]
    [InlineData(OcrEngineChoice.Tesseract, "tesseract")]
    [InlineData(OcrEngineChoice.Paddle, "paddle")]
    [InlineData(OcrEngineChoice.Auto, "paddle")]
    public async Task Each_choice_gets_its_engine(OcrEngineChoice choice, string reads)
    {
        var engines = OcrEngines.Choosing(new FixedReadingEngine("tesseract", 0.5), new FixedReadingEngine("paddle", 0.9));

        Assert.Equal(reads, (await Read(engines.For(choice))).Lines[0].Text);
    }

    [Fact]
    public async Task One_engine_given_reads_whatever_is_asked()
    {
        var only = new FixedReadingEngine("only", 0.5);
        var engines = OcrEngines.Only(only);

        Assert.All(Enum.GetValues<OcrEngineChoice>(), c => Assert.Same(only, engines.For(c)));
        Assert.Equal("only", (await Read(engines.For(OcrEngineChoice.Paddle))).Lines[0].Text);
    }
}
