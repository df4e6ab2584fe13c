using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Recognises text on page images. Implementations clean the image up as they need (grey, deskew,
/// scale, orientation) and are safe to call from several threads at once, bounding the work they
/// run in parallel themselves.
/// </summary>
public interface IOcrEngine
{
    /// <summary>The languages this installation can recognise, as Tesseract names them (<c>eng</c>, <c>deu</c>).</summary>
    IReadOnlyList<string> InstalledLanguages { get; }

    /// <summary>How many pages the engine recognises at once; readers keep about this many in flight.</summary>
    int MaxParallelism { get; }

    /// <summary>
    /// The text on <paramref name="image"/> in <paramref name="languages"/>. Throws
    /// <see cref="OcrEngineException"/> when recognition fails and <see cref="OcrImageException"/>
    /// when the image cannot be processed.
    /// </summary>
    Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken);
}
