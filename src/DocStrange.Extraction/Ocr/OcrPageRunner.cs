using DocStrange.Document.Errors;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Recognises a document's pages side by side, as many at once as the engine works in parallel:
/// each page's image is loaded (decoded or rendered) inside its own task and freed right after
/// recognition, progress is reported as pages finish, and a page that fails becomes that page's
/// outcome, never the document's, so the caller decides what a document of failed pages is.
/// </summary>
internal static class OcrPageRunner
{
    /// <summary>
    /// What became of one page: its reading and the image's resolution, or the code and message of why
    /// there is none (with the error itself when it was a named one, for a caller that fails the document).
    /// </summary>
    public sealed record Outcome(int PageNumber, OcrPage? Page, int Resolution = 0, ErrorCode? Code = null, string? Message = null, DocStrangeException? Error = null);

    /// <summary>The outcome of every page in <paramref name="pageNumbers"/>, in the same order.</summary>
    public static async Task<Outcome[]> RunAsync(IReadOnlyList<int> pageNumbers, Func<int, CancellationToken, Task<OcrImage>> load,
        IOcrEngine engine, IReadOnlyList<string> languages, IProgress<ConversionProgress>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new Outcome[pageNumbers.Count];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, engine.MaxParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, pageNumbers.Count), parallel, async (i, ct) =>
        {
            outcomes[i] = await RunOneAsync(pageNumbers[i], load, engine, languages, ct);
            progress?.Report(new ConversionProgress(ConversionStages.Ocr, Interlocked.Increment(ref done), pageNumbers.Count));
        });
        return outcomes;
    }

    private static async Task<Outcome> RunOneAsync(int number, Func<int, CancellationToken, Task<OcrImage>> load,
        IOcrEngine engine, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        OcrImage image;
        try
        {
            image = await load(number, cancellationToken);
        }
        catch (DocStrangeException ex)
        {
            return new Outcome(number, null, 0, ex.Code, $"page {number}: {LowerFirst(ex.Message)}", ex);
        }
        catch (OcrImageException ex)
        {
            return new Outcome(number, null, 0, ErrorCode.UnreadableDocument, $"page {number} could not be read: {ex.Message}");
        }
        catch (OcrEngineException ex)
        {
            return new Outcome(number, null, 0, ErrorCode.OcrFailed, $"page {number} could not be rendered for OCR: {ex.Message}");
        }

        using (image)
        {
            try
            {
                return new Outcome(number, await engine.RecognizeAsync(image, languages, cancellationToken), image.Resolution);
            }
            catch (Exception ex) when (ex is OcrEngineException or OcrImageException)
            {
                return new Outcome(number, new OcrPage(image.Width, image.Height, []), image.Resolution, ErrorCode.OcrFailed, $"page {number}: text recognition failed: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                return new Outcome(number, new OcrPage(image.Width, image.Height, []), image.Resolution, ErrorCode.OcrFailed, $"page {number}: text recognition failed ({ex.GetType().Name})");
            }
        }
    }

    private static string LowerFirst(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
