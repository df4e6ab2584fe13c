using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Sideways and upside-down pages. Recognition runs on the page as it comes; only when that reads
/// badly does Tesseract's orientation detector (OSD, legacy classifier) look at it, and when it finds
/// the page turned, the page is turned upright and recognised again. Upright pages, nearly all of
/// them, pay nothing.
/// </summary>
internal static class PageOrientation
{
    private const double GoodConfidence = 0.75;
    private const double MinDetectorConfidence = 1.0;

    /// <summary>Whether a reading is poor enough to ask the orientation detector.</summary>
    public static bool LooksWrong(OcrPage page) => page.MeanConfidence is not { } mean || mean < GoodConfidence;

    /// <summary>How good a reading is: characters weighted by confidence, so the upright reading of a page wins.</summary>
    public static double Score(OcrPage page) => page.Words.Sum(w => w.Confidence * w.Text.Length);

    /// <summary>The page recognised again after turning it as the detector says, or null when it is upright or the detector cannot tell.</summary>
    public static (OcrPage Page, int Turns)? TryTurnUpright(Pix pix, int resolution, TesseractInstance instance, TesseractInstancePool pool,
        TesseractOptions options, CancellationToken cancellationToken)
    {
        var detector = pool.TakeOrientationInstance();
        (int QuarterTurns, double Confidence)? found;
        try
        {
            found = detector.DetectOrientation(pix, resolution);
        }
        finally
        {
            pool.ReturnOrientationInstance(detector);
        }
        if (found is not { QuarterTurns: > 0 } orientation || orientation.Confidence < MinDetectorConfidence) return null;
        using var turned = pix.RotateQuarterTurns(orientation.QuarterTurns);
        return (instance.Recognize(turned, resolution, options.PageTimeout, cancellationToken), orientation.QuarterTurns);
    }
}
