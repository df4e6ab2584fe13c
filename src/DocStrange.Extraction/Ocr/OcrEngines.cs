using DocStrange.Document.Conversion;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// The OCR engines a converter can use, and which one a request's <see cref="OcrEngineChoice"/> gets:
/// Tesseract, PaddleOCR, or both (<see cref="AutoOcrEngine"/>). A converter given one engine uses it
/// whatever is asked.
/// </summary>
public sealed class OcrEngines
{
    private readonly IOcrEngine _tesseract;
    private readonly IOcrEngine _paddle;
    private readonly IOcrEngine _auto;

    private OcrEngines(IOcrEngine tesseract, IOcrEngine paddle, IOcrEngine auto) => (_tesseract, _paddle, _auto) = (tesseract, paddle, auto);

    /// <summary>Tesseract and PaddleOCR, chosen per request.</summary>
    public static OcrEngines Choosing(IOcrEngine tesseract, IOcrEngine paddle) => new(tesseract, paddle, new AutoOcrEngine(tesseract, paddle));

    /// <summary><paramref name="engine"/> for every request.</summary>
    public static OcrEngines Only(IOcrEngine engine) => new(engine, engine, engine);

    /// <summary>The engine that reads for <paramref name="choice"/>.</summary>
    public IOcrEngine For(OcrEngineChoice choice) => choice switch
    {
        OcrEngineChoice.Tesseract => _tesseract,
        OcrEngineChoice.Paddle => _paddle,
        _ => _auto,
    };
}
