using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Errors;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// One Tesseract instance initialised for one set of languages: recognises an image and reads the
/// result back as lines of words with boxes and confidences. Initialising costs about 75 ms, so
/// instances live in a <see cref="TesseractInstancePool"/>; an instance is used by one thread at a time.
/// </summary>
internal sealed class TesseractInstance : IDisposable
{
    private readonly TessBaseApiHandle _api;

    /// <summary>Starts Tesseract for <paramref name="languages"/> (<c>eng+deu</c>) from <paramref name="dataPath"/> (null: the installed tessdata).</summary>
    public TesseractInstance(string? dataPath, string languages)
    {
        Languages = languages;
        _api = new TessBaseApiHandle();
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
            // The binary image as thresholded, copied before recognition: Tesseract takes the rules
            // out of its own copy while it finds the text lines.
            using var ruled = CopyThresholded();
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
            var lines = ReadLines(new StrokeWidth(binary));
            // Words with a bar or bracket in them may have taken in a rule's stroke: they do not hide it.
            var words = lines.SelectMany(l => l.Words).Where(w => w.Text.Any(char.IsLetterOrDigit) && !OcrRuleGlyphs.HasBar(w.Text)).Select(w => w.Box).ToList();
            return Upright(pix.Width, pix.Height, lines, ImageRules.Find(ruled, words));
        }
        finally
        {
            Tesseract.TessBaseAPIClear(_api);
            GC.KeepAlive(pix);
        }
    }

    private Pix CopyThresholded()
    {
        using var shared = Pix.Own(Tesseract.TessBaseAPIGetThresholdedImage(_api), "threshold");
        return Pix.Own(Leptonica.pixCopy(IntPtr.Zero, shared.Raw), "copy");
    }

    // The lines as Tesseract read them, each with the quarter turns that set its block's text upright.
    private List<RawLine> ReadLines(StrokeWidth strokes)
    {
        var lines = new List<RawLine>();
        using var iterator = ResultIterator.Of(_api);
        if (iterator is null) return lines;
        var it = iterator.Raw;
        var page = Tesseract.TessResultIteratorGetPageIterator(it);
        int block = 0, paragraph = 0;
        RawLine? line = null;
        do
        {
            if (Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.Block) != 0) block++;
            if (Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.Paragraph) != 0) paragraph++;
            if (Tesseract.TessPageIteratorIsAtBeginningOf(page, Tesseract.TextLine) != 0 || line is null)
            {
                if (line is { Words.Count: > 0 }) lines.Add(line);
                var baseline = Tesseract.TessPageIteratorBaseline(page, Tesseract.TextLine, out var x1, out var y1, out var x2, out var y2) != 0
                    ? new Baseline(x1, y1, x2, y2)
                    : Baseline.None;
                Tesseract.TessPageIteratorOrientation(page, out var orientation, out var direction, out _, out _);
                line = new RawLine(block, paragraph, baseline, TurnsToUpright(orientation, direction));
            }
            var text = Tesseract.TakeText(Tesseract.TessResultIteratorGetUTF8Text(it, Tesseract.Word)).Trim();
            if (text.Length == 0) continue;
            if (Tesseract.TessPageIteratorBoundingBox(page, Tesseract.Word, out var left, out var top, out var right, out var bottom) == 0) continue;
            var confidence = Math.Clamp(Tesseract.TessResultIteratorConfidence(it, Tesseract.Word) / 100.0, 0, 1);
            var box = new BoundingBox(left, top, right, bottom);
            line.Words.Add(new OcrWord(text, box, confidence));
            var (black, runs) = strokes.Measure(box);
            line.Black += black;
            line.Runs += runs;
        }
        while (Tesseract.TessResultIteratorNext(it, Tesseract.Word) != 0);
        if (line is { Words.Count: > 0 }) lines.Add(line);
        return lines;
    }

    // Clockwise quarter turns that set text of a Tesseract orientation and writing direction upright:
    // text whose top points to the page's right reads downwards, and a quarter turn counterclockwise
    // sets it upright; so does one for text Tesseract reads as written from top to bottom (a page set
    // sideways, which it reads in its columns, right to left, as it would vertical CJK text).
    private static int TurnsToUpright(int orientation, int direction)
    {
        var turns = orientation switch
        {
            Tesseract.PageRight => 3,
            Tesseract.PageDown => 2,
            Tesseract.PageLeft => 1,
            _ => 0,
        };
        return direction == Tesseract.TopToBottom ? (turns + 3) % 4 : turns;
    }

    // The page read, its upright frame the image turned as most of its letters need (Tesseract finds
    // and reads a page set sideways by itself): each word's box there, each line's baseline there and its
    // rotation against it (a sideways label on an upright page), and its size judged with its own text upright.
    private static OcrPage Upright(int width, int height, List<RawLine> raw, List<BoundingBox> rules)
    {
        var turns = raw.GroupBy(l => l.Turns).MaxBy(g => g.Sum(l => l.Words.Sum(w => w.Text.Length)))?.Key ?? 0;
        var lines = new List<OcrLine>(raw.Count);
        foreach (var line in raw)
        {
            var box = line.Words.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
            var own = line.Words.Select(w => QuarterTurns.Turn(w.Box, line.Turns, width, height)).ToList();
            var baseline = line.Baseline.Turned(line.Turns, width, height);
            var ownBox = own.Aggregate((a, b) => a.Union(b));
            var stroke = line.Runs > 0 ? (double)line.Black / line.Runs : 0;
            lines.Add(new OcrLine([.. line.Words.Select(w => w with { Upright = QuarterTurns.Turn(w.Box, turns, width, height) })], box, line.Block, line.Paragraph,
                baseline.FontSize(own) ?? ownBox.Height)
            {
                StrokeWidth = stroke,
                Baseline = line.Turns == turns ? baseline.At((ownBox.Left + ownBox.Right) / 2) : null,
                Rotation = (line.Turns - turns + 4) % 4 * 90,
            });
        }
        var (uprightWidth, uprightHeight) = turns % 2 == 0 ? (width, height) : (height, width);
        return new OcrPage(width, height, lines)
        {
            UprightWidth = uprightWidth,
            UprightHeight = uprightHeight,
            Rules = [.. rules.Select(r => QuarterTurns.Turn(r, turns, width, height))],
        };
    }

    /// <summary>A line being read: its words, where it belongs, its baseline, how its text is turned, and the ink of its strokes.</summary>
    private sealed class RawLine(int block, int paragraph, Baseline baseline, int turns)
    {
        public List<OcrWord> Words { get; } = [];

        public int Block => block;

        public int Paragraph => paragraph;

        public Baseline Baseline => baseline;

        public int Turns => turns;

        public long Black { get; set; }

        public long Runs { get; set; }
    }

    /// <summary>A text line's baseline, from which its font size is judged.</summary>
    private readonly record struct Baseline(double X1, double Y1, double X2, double Y2)
    {
        public static Baseline None => new(0, double.NaN, 1, double.NaN);

        // The baseline on the image turned clockwise by quarter turns, from left to right.
        public Baseline Turned(int turns, double width, double height)
        {
            if (double.IsNaN(Y1) || turns % 4 == 0) return this;
            var (x1, y1) = QuarterTurns.Turn(X1, Y1, turns, width, height);
            var (x2, y2) = QuarterTurns.Turn(X2, Y2, turns, width, height);
            return x1 <= x2 ? new Baseline(x1, y1, x2, y2) : new Baseline(x2, y2, x1, y1);
        }

        // How far down the baseline runs at x; null when unknown.
        public double? At(double x) => double.IsNaN(Y1) ? null : Y1 + (X2 > X1 ? (Y2 - Y1) / (X2 - X1) : 0) * (x - X1);

        // Capitals and ascenders rise about 0.7 em above the baseline, and nearly every line has
        // some: the tallest rise of the line's words, over 0.7, is its em in pixels. Descenders,
        // which make the line's box taller or not depending on its letters, do not count.
        public double? FontSize(List<BoundingBox> words)
        {
            if (double.IsNaN(Y1)) return null;
            var line = this;
            var rise = words.Max(w => line.At((w.Left + w.Right) / 2)!.Value - w.Top);
            return rise > 0 ? rise / 0.7 : null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _api.Dispose();
}
