using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Tests.Ocr;

/// <summary>An engine that reads every page as one word of the given text and confidence, or fails; it counts its calls.</summary>
internal sealed class FixedReadingEngine(string text, double confidence, IReadOnlyList<string>? languages = null, bool fails = false,
    IReadOnlyList<BoundingBox>? rules = null) : IOcrEngine
{
    private int _calls;

    public int Calls => _calls;

    public IReadOnlyList<string> InstalledLanguages { get; } = languages ?? ["eng"];

    public int MaxParallelism => 1;

    public Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (fails) throw new OcrEngineException("the model file is missing (test)");
        var box = new BoundingBox(10, 10, 10 + 10 * text.Length, 30);
        return Task.FromResult(new OcrPage(100, 100, [new OcrLine([new OcrWord(text, box, confidence)], box, 0, 0, 20)]) { Rules = rules ?? [] });
    }
}
