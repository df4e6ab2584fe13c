using DocStrange.Document.Conversion;
using DocStrange.Document.Files;
using DocStrange.Extraction.Formats.Image;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction.Tests.Ocr.Paddle;

/// <summary>
/// Three lines of Simplified Chinese rendered with Noto Sans CJK (bench/make-cjk-images.sh made
/// ocrdata/cjk_lines.png): PaddleOCR reads them, Tesseract with English data only cannot, and
/// <c>ocr_engine=auto</c> keeps PaddleOCR's reading of the page.
/// </summary>
public class CjkReadingTests
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "ocrdata", name);

    private static string Expected => File.ReadAllText(PathOf("cjk_lines.png.txt"));

    // Chinese is written without spaces: compare the characters only.
    private static double Similarity(string text) => TextSimilarity.Of(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), string.Concat(Expected.Where(c => !char.IsWhiteSpace(c))));

    private static async Task<string> Read(IOcrEngine engine)
    {
        using var image = ImageDecoding.Decode(File.ReadAllBytes(PathOf("cjk_lines.png")), FileKind.Png, 0, 100_000_000, "cjk_lines.png");
        var page = await engine.RecognizeAsync(image, ["eng"], CancellationToken.None);
        return string.Join('\n', page.Lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Paddle_reads_chinese_text()
    {
        var text = await Read(PaddleTestModels.Engine);

        Assert.True(Similarity(text) >= 0.9, $"similarity {Similarity(text):0.000}: {text}");
    }

    [Fact]
    public async Task Tesseract_with_english_data_reads_next_to_nothing_of_it()
    {
        var text = await Read(TesseractOcrEngine.Shared);

        Assert.True(Similarity(text) < 0.2, $"similarity {Similarity(text):0.000}: {text}");
    }

    [Fact]
    public async Task Auto_keeps_the_paddle_reading_of_a_page_tesseract_cannot_read()
    {
        var document = await DocumentConverter.CreateDefault().ConvertFileAsync(PathOf("cjk_lines.png"), ConversionOptions.Default);

        var text = string.Join('\n', document.Blocks.Select(b => b.Text));
        Assert.True(Similarity(text) >= 0.9, $"similarity {Similarity(text):0.000}: {text}");
    }
}
