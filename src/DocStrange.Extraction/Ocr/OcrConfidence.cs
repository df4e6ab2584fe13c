namespace DocStrange.Extraction.Ocr;

/// <summary>The document's mean OCR confidence: over all recognised words of all pages, weighted by word length.</summary>
internal static class OcrConfidence
{
    /// <summary>The mean in [0, 1] rounded to 4 decimals, or null when no word was recognised.</summary>
    public static double? Mean(IEnumerable<OcrPage> pages)
    {
        double sum = 0, weight = 0;
        foreach (var word in pages.SelectMany(p => p.Words))
        {
            sum += word.Confidence * word.Text.Length;
            weight += word.Text.Length;
        }
        return weight > 0 ? Math.Round(sum / weight, 4) : null;
    }
}
