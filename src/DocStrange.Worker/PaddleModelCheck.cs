using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Paddle;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker;

/// <summary>
/// Says at start-up whether PaddleOCR can run and on which execution provider (conversions load the
/// models in their own processes), and what a worker tells the API about its OCR engines.
/// </summary>
internal static class PaddleModelCheck
{
    /// <summary>
    /// Logs where the models run, why <c>auto</c> runs them on the CPU, or why PaddleOCR is unavailable: jobs
    /// asking for <c>ocr_engine=paddle</c> then fail with <c>OCR_FAILED</c> saying so, and <c>auto</c> reads with Tesseract alone.
    /// </summary>
    public static void Log(ILogger logger, string pool, PaddleOptions options)
    {
        var status = PaddleOcrEngine.Probe(options.ToEngineOptions());
        if (status.Execution is { } execution)
        {
            logger.LogInformation("PaddleOCR models found in {Folder}; they run on the {Provider} execution provider", PaddleModelFiles.Find(null).Folder, execution.Provider);
            if (execution.FallbackReason is { } why)
            {
                logger.LogWarning("PaddleOCR runs on the CPU in pool {Pool} ({Setting} is auto): {Reason}", pool, PaddleExecution.Setting, why);
            }
        }
        else
        {
            logger.LogWarning("PaddleOCR is unavailable in pool {Pool}: {Reason}; jobs asking for ocr_engine=paddle fail with OCR_FAILED and ocr_engine=auto reads with Tesseract only", pool, status.Reason);
        }
    }

    /// <summary>This process's OCR engines as the API reports them: Tesseract with its languages, PaddleOCR with its provider.</summary>
    public static IReadOnlyCollection<OcrEngineStatus> Engines(IReadOnlyCollection<string> tesseractLanguages, PaddleOptions options)
    {
        var paddle = PaddleOcrEngine.Probe(options.ToEngineOptions());
        return
        [
            tesseractLanguages.Count > 0 ? new OcrEngineStatus("tesseract", true) : new OcrEngineStatus("tesseract", false, Reason: "no Tesseract language data is installed"),
            new OcrEngineStatus("paddle", paddle.Available, paddle.Execution?.Provider, paddle.Reason ?? paddle.Execution?.FallbackReason),
        ];
    }
}
