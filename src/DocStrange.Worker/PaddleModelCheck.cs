using DocStrange.Extraction.Ocr.Paddle;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>Says at start-up whether the PaddleOCR model files are in place (conversions load them in their own processes).</summary>
internal static class PaddleModelCheck
{
    /// <summary>Logs where the models are, or warns which file is missing: jobs asking for <c>ocr_engine=paddle</c> then fail with <c>OCR_FAILED</c> naming it, and <c>auto</c> reads with Tesseract alone.</summary>
    public static void Log(ILogger logger, string pool)
    {
        var files = PaddleModelFiles.Find(null);
        try
        {
            files.CheckPresent();
            logger.LogInformation("PaddleOCR models found in {Folder}", files.Folder);
        }
        catch (Extraction.Ocr.Errors.OcrEngineException ex)
        {
            logger.LogWarning("PaddleOCR is unavailable in pool {Pool}: {Reason}; jobs asking for ocr_engine=paddle fail with OCR_FAILED and ocr_engine=auto reads with Tesseract only", pool, ex.Message);
        }
    }
}
