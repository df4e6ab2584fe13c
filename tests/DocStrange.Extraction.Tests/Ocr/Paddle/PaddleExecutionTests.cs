using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;
using DocStrange.Extraction.Ocr.Paddle;

namespace DocStrange.Extraction.Tests.Ocr.Paddle;

// The machines that run these have no GPU and the CPU build of ONNX Runtime: the CUDA provider never loads here.
public class PaddleExecutionTests
{
    private static PaddleOcrEngine Engine(string provider) =>
        new(new PaddleOcrOptions { ModelPath = PaddleTestModels.Folder, ExecutionProvider = provider });

    private static Task<OcrPage> Read(PaddleOcrEngine engine) => PaddleOcrEngineTests.Read("image/phototest.png", engine);

    [Fact]
    public void Cpu_runs_on_the_cpu_without_trying_cuda()
    {
        var execution = PaddleExecution.Choose("cpu", 0);

        Assert.Equal(new PaddleExecution("cpu"), execution);
        Assert.Equal("cpu", Engine("cpu").Execution.Provider);
    }

    [Fact]
    public async Task Auto_without_a_cuda_provider_runs_on_the_cpu_and_says_why()
    {
        var engine = Engine("auto");

        var page = await Read(engine);

        Assert.Equal("cpu", engine.Execution.Provider);
        Assert.Contains("CUDA execution provider could not be loaded", engine.Execution.FallbackReason);
        Assert.Contains(page.Lines, l => l.Text.Contains("lazy fox"));
        Assert.Equal(engine.Execution, PaddleOcrEngine.Probe(new PaddleOcrOptions { ModelPath = PaddleTestModels.Folder, ExecutionProvider = "auto" }).Execution);
    }

    [Fact]
    public async Task Cuda_without_a_cuda_provider_refuses_every_page_saying_why()
    {
        var engine = Engine("cuda");

        var first = await Assert.ThrowsAsync<OcrEngineException>(() => Read(engine));
        var second = Assert.Throws<OcrEngineException>(engine.EnsureLoaded);
        var probe = PaddleOcrEngine.Probe(new PaddleOcrOptions { ModelPath = PaddleTestModels.Folder, ExecutionProvider = "cuda" });

        Assert.Contains("DocStrange:Ocr:Paddle:ExecutionProvider is cuda", first.Message);
        Assert.Contains("could not be used", first.Message);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal((false, first.Message), (probe.Available, probe.Reason));
    }

    [Fact]
    public async Task With_paddle_refused_for_cuda_a_page_asking_for_it_fails_and_auto_reads_with_tesseract()
    {
        var engines = OcrEngines.Choosing(TesseractOcrEngine.Shared, Engine("cuda"));
        var paddleOnly = DocumentConverter.CreateDefault(new ReaderSettings { Ocr = engines.For(OcrEngineChoice.Paddle) });
        var auto = DocumentConverter.CreateDefault(new ReaderSettings { Ocr = engines.For(OcrEngineChoice.Auto) });
        var request = new ConversionRequest("phototest.png", FileKind.Png, ConversionOptions.Default);

        var refused = await Assert.ThrowsAsync<DocStrangeException>(() => paddleOnly.ConvertAsync(new MemoryStream(TestData.Bytes("image/phototest.png")), request));
        var read = await auto.ConvertAsync(new MemoryStream(TestData.Bytes("image/phototest.png")), request);

        Assert.Equal(ErrorCode.OcrFailed, refused.Code);
        Assert.Contains("ExecutionProvider is cuda", refused.Message);
        Assert.Contains(read.Blocks, b => b.Text.Contains("The quick brown dog jumped over the lazy fox"));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    public void A_setting_that_is_not_a_provider_is_refused_naming_it(string provider)
    {
        var error = Assert.Throws<OcrEngineException>(() => PaddleExecution.Choose(provider, 0));

        Assert.Contains("DocStrange:Ocr:Paddle:ExecutionProvider", error.Message);
        Assert.Contains("auto, cpu or cuda", error.Message);
    }
}
