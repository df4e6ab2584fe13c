namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Tesseract first, PaddleOCR where Tesseract reads a page badly: a page whose mean word confidence
/// is under <see cref="RetryBelow"/> (photos, coloured or noisy backgrounds, low resolution, scripts
/// Tesseract has no data for) is read again by the second engine, and the reading with more
/// confidently read characters (<see cref="PageOrientation.Score"/>) is kept. The second engine is
/// skipped for languages it does not read and for a blank page (no words, no marks of letter size), and
/// when it fails (its models missing) the first reading stands, so OCR keeps working without it.
/// </summary>
public sealed class AutoOcrEngine(IOcrEngine first, IOcrEngine second) : IOcrEngine
{
    /// <summary>
    /// The mean confidence under which a page is read again. Clean print reads above 0.85 in Tesseract, and noisy
    /// 200 ppi scans of print it reads well at 0.69–0.96; pages it fails on (shaded rows under noise, a script it has
    /// no data for) fall to 0.2–0.45. PaddleOCR costs about five times Tesseract's CPU, so only those are read again.
    /// </summary>
    public const double RetryBelow = 0.6;

    /// <inheritdoc />
    public IReadOnlyList<string> InstalledLanguages => first.InstalledLanguages;

    /// <inheritdoc />
    public int MaxParallelism => first.MaxParallelism;

    /// <inheritdoc />
    public async Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var reading = await first.RecognizeAsync(image, languages, cancellationToken);
        if (reading.MeanConfidence >= RetryBelow || !languages.All(second.InstalledLanguages.Contains)) return reading;
        // A page with no marks the size of letters (a blank back of a sheet) has nothing to read again.
        if (!reading.Words.Any() && !HasLetterMarks(image)) return reading;
        OcrPage other;
        try
        {
            other = await second.RecognizeAsync(image, languages, cancellationToken);
        }
        catch (Exception ex) when (ex is Errors.OcrEngineException or Errors.OcrImageException)
        {
            return reading;
        }
        if (PageOrientation.Score(other) <= PageOrientation.Score(reading)) return reading;
        // The rules drawn on the page are the image's, whichever engine read its text: the first reading's hold
        // for the second when both read the page the same way up.
        var sameFrame = Math.Abs(other.UprightWidth - reading.UprightWidth) < 1 && Math.Abs(other.UprightHeight - reading.UprightHeight) < 1;
        return other.Rules.Count == 0 && sameFrame ? other with { Rules = reading.Rules } : other;
    }

    private static bool HasLetterMarks(OcrImage image)
    {
        using var grey = image.Pix.ToGrey();
        return TextHeight.Measure(grey) > 0;
    }
}
