using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// One Tesseract instance initialised for one set of languages: recognises an image and reads the
/// result back as lines of words with boxes and confidences. Initialising costs about 75 ms, so
/// instances live in a <see cref="TesseractEnginePool"/>; an instance is used by one thread at a time.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TesseractApi _api;

    /// <summary>Starts Tesseract for <paramref name="languages"/> (<c>eng+deu</c>) from <paramref name="dataPath"/> (null: the installed tessdata).</summary>
    public TesseractEngine(string? dataPath, string languages)
    {
        Languages = languages;
        _api = new TesseractApi();
        // Tesseract reports progress and estimates on stderr; the service's logs are not the place.
        Tesseract.TessBaseAPISetVariable(_api, "debug_file", "/dev/null");
        var mode = languages == OrientationLanguage ? Tesseract.EngineLegacy : Tesseract.EngineDefault;
        if (Tesseract.TessBaseAPIInit2(_api, dataPath, languages, mode) != 0)
        {
            _api.Dispose();
            throw new OcrEngineException($"Tesseract could not load the language data for '{languages}'.");
        }
        Tesseract.TessBaseAPISetVariable(_api, "debug_file", "/dev/null");
        Tesseract.TessBaseAPISetPageSegMode(_api, Tesseract.SegmentAuto);
    }

    /// <summary>The pseudo-language of Tesseract's orientation and script detector (legacy engine).</summary>
    public const string OrientationLanguage = "osd";

    /// <summary>The languages this instance recognises, as given to Tesseract.</summary>
    public string Languages { get; }

    /// <summary>
    /// How far the text on <paramref name="pix"/> is turned, in clockwise quarter turns needed to set
    /// it upright, and the detector's confidence; null when it found too little text to say. Needs an
    /// engine started for <see cref="OrientationLanguage"/>.
    /// </summary>
    public (int QuarterTurns, double Confidence)? DetectOrientation(Pix pix, int resolution)
    {
        Tesseract.TessBaseAPISetImage2(_api, pix.Raw);
        if (resolution > 0) Tesseract.TessBaseAPISetSourceResolution(_api, resolution);
        try
        {
            if (Tesseract.TessBaseAPIDetectOrientationScript(_api, out var degrees, out var confidence, out _, out _) == 0) return null;
            // Tesseract gives how far the image is turned clockwise; the rest of a full turn undoes it.
            return ((((360 - degrees) / 90) % 4 + 4) % 4, confidence);
        }
        finally
        {
            Tesseract.TessBaseAPIClear(_api);
            GC.KeepAlive(pix);
        }
    }

    /// <summary>Recognises <paramref name="pix"/> taken at <paramref name="resolution"/> ppi; boxes in its pixels.</summary>
    public OcrPage Recognize(Pix pix, int resolution, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Tesseract.TessBaseAPISetImage2(_api, pix.Raw);
        if (resolution > 0) Tesseract.TessBaseAPISetSourceResolution(_api, resolution);
        try
        {
            using (var monitor = new RecognitionMonitor(timeout, cancellationToken))
            {
                if (Tesseract.TessBaseAPIRecognize(_api, monitor.Raw) != 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OcrEngineException($"Tesseract did not finish the page within {timeout.TotalSeconds:0} s.");
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            using var binary = Pix.Own(Tesseract.TessBaseAPIGetThresholdedImage(_api), "threshold");
            return new OcrPage(pix.Width, pix.Height, ReadLines(new StrokeWidth(binary)));
        }
        finally
        {
            Tesseract.TessBaseAPIClear(_api);
            GC.KeepAlive(pix);
        }
    }

    private List<OcrLine> ReadLines(StrokeWidth strokes)
    {
        var lines = new List<OcrLine>();
        using var iterator = ResultIterator.Of(_api);
        if (iterator is null) return lines;
        var it = iterator.Raw;
        var page = Tesseract.TessResultIteratorGetPageIterator(it);
        int block = 0, paragraph = 0, lineBlock = 0, lineParagraph = 0;
        List<OcrWord>? words = null;
        var baseline = Baseline.None;
        (long Black, long Runs) ink = (0, 0);
        do
        {
            if (Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.Block) != 0) block++;
            if (Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.Paragraph) != 0) paragraph++;
            if (Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.TextLine) != 0 || words is null)
            {
                Flush(lines, words, lineBlock, lineParagraph, baseline, ink);
                words = [];
                ink = (0, 0);
                (lineBlock, lineParagraph) = (block, paragraph);
                baseline = Tesseract.TessPageIteratorBaseline(page, Tesseract.TextLine, out var x1, out var y1, out var x2, out var y2) != 0
                    ? new Baseline(x1, y1, x2, y2)
                    : Baseline.None;
            }
            var text = Tesseract.TakeText(Tesseract.TessResultIteratorGetUTF8Text(it, Tesseract.Word)).Trim();
            if (text.Length == 0) continue;
            if (Tesseract.TessPageIteratorBoundingBox(page, Tesseract.Word, out var left, out var top, out var right, out var bottom) == 0) continue;
            var confidence = Math.Clamp(Tesseract.TessResultIteratorConfidence(it, Tesseract.Word) / 100.0, 0, 1);
            var box = new BoundingBox(left, top, right, bottom);
            words.Add(new OcrWord(text, box, confidence));
            var (black, runs) = strokes.Measure(box);
            ink = (ink.Black + black, ink.Runs + runs);
        }
        while (Tesseract.TessResultIteratorNext(it, Tesseract.Word) != 0);
        Flush(lines, words, lineBlock, lineParagraph, baseline, ink);
        return lines;
    }

    private static void Flush(List<OcrLine> lines, List<OcrWord>? words, int block, int paragraph, Baseline baseline, (long Black, long Runs) ink)
    {
        if (words is not { Count: > 0 }) return;
        var box = words.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
        var stroke = ink.Runs > 0 ? (double)ink.Black / ink.Runs : 0;
        lines.Add(new OcrLine(words, box, block, paragraph, baseline.FontSize(words) ?? box.Height) { StrokeWidth = stroke });
    }

    /// <summary>A text line's baseline, from which its font size is judged.</summary>
    private readonly record struct Baseline(double X1, double Y1, double X2, double Y2)
    {
        public static Baseline None => new(0, double.NaN, 1, double.NaN);

        // Capitals and ascenders rise about 0.7 em above the baseline, and nearly every line has
        // some: the tallest rise of the line's words, over 0.7, is its em in pixels. Descenders,
        // which make the line's box taller or not depending on its letters, do not count.
        public double? FontSize(List<OcrWord> words)
        {
            if (double.IsNaN(Y1)) return null;
            var (x1, y1) = (X1, Y1);
            var slope = X2 > X1 ? (Y2 - Y1) / (X2 - X1) : 0;
            var rise = words.Max(w => y1 + slope * ((w.Box.Left + w.Box.Right) / 2 - x1) - w.Box.Top);
            return rise > 0 ? rise / 0.7 : null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _api.Dispose();
}
