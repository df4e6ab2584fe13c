using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Tests.Ocr;

/// <summary>Wraps an OCR engine: records the size of every image it is given, and can fail the first call.</summary>
internal sealed class RecordingEngine(IOcrEngine inner, bool failFirst = false) : IOcrEngine
{
    private int _calls;

    public List<(int Width, int Height, int Resolution)> Images { get; } = [];

    public IReadOnlyList<string> InstalledLanguages => inner.InstalledLanguages;

    public int MaxParallelism => inner.MaxParallelism;

    public Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        lock (Images) Images.Add((image.Width, image.Height, image.Resolution));
        if (failFirst && Interlocked.Increment(ref _calls) == 1) throw new OcrEngineException("the engine broke (test)");
        return inner.RecognizeAsync(image, languages, cancellationToken);
    }
}
