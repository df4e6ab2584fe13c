using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Errors;
using Microsoft.ML.OnnxRuntime;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// <see cref="IOcrEngine"/> on PaddleOCR's PP-OCRv4 models run by ONNX Runtime: each page is cleaned
/// up as for Tesseract (<see cref="ImageCleanup"/>: grey, letters scaled to a readable size,
/// deskewed), its text lines found (<see cref="TextDetector"/>), the page turned upright where it
/// lies sideways or upside down (<see cref="PageTurns"/>, <see cref="TextDirection"/>), the lines read (<see cref="TextRecognizer"/>)
/// and split into words (<see cref="LineWords"/>), so the same page pipeline lays them out. The models
/// are loaded on the first page, once per process, and shared; a missing or damaged model file fails
/// every page with an <see cref="OcrEngineException"/> that names it. The recogniser reads Chinese and
/// Latin script whatever languages are asked for.
/// </summary>
public sealed class PaddleOcrEngine : IOcrEngine
{
    // PaddleOCR's drop_score: lines read less surely than this are mostly noise read out of pictures and rules.
    private const double MinLineConfidence = 0.5;
    // The detector's box runs from the tops of the tallest letters to the bottoms of descenders, about 1.15 em.
    private const double BoxHeightPerEm = 1.15;

    private static readonly Lazy<PaddleOcrEngine> SharedEngine = new(() => new PaddleOcrEngine());

    private readonly PaddleOcrOptions _options;
    private readonly PaddleModelFiles _files;
    private readonly SemaphoreSlim _slots;

    /// <summary>The process-wide engine with default options.</summary>
    public static PaddleOcrEngine Shared => SharedEngine.Value;

    /// <summary>An engine with the given options (defaults when null); the models load on the first page.</summary>
    public PaddleOcrEngine(PaddleOcrOptions? options = null)
    {
        _options = options ?? new PaddleOcrOptions();
        _files = PaddleModelFiles.Find(_options.ModelPath);
        _slots = new SemaphoreSlim(MaxParallelism);
    }

    /// <summary>The languages the recogniser reads, as Tesseract names them.</summary>
    public IReadOnlyList<string> InstalledLanguages { get; } = ["chi_sim", "eng"];

    /// <inheritdoc />
    public int MaxParallelism => Math.Max(1, _options.MaxParallelism);

    /// <summary>Loads the models now, throwing the <see cref="OcrEngineException"/> a page would get when they cannot be.</summary>
    public void EnsureLoaded() => Models();

    /// <inheritdoc />
    public async Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Recognize(image, cancellationToken), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The execution provider the models run on, loading them first (throwing as <see cref="EnsureLoaded"/> does).</summary>
    public PaddleExecution Execution => Models().Execution;

    /// <summary>
    /// Whether the engine with <paramref name="options"/> can run, and on which provider, without loading
    /// the models: the files are there and the provider is chosen (<see cref="PaddleExecution.Choose"/>).
    /// </summary>
    public static PaddleStatus Probe(PaddleOcrOptions? options = null)
    {
        options ??= new PaddleOcrOptions();
        try
        {
            PaddleModelFiles.Find(options.ModelPath).CheckPresent();
            return new PaddleStatus(true, PaddleExecution.Choose(options.ExecutionProvider, options.CudaDeviceId), null);
        }
        catch (OcrEngineException ex)
        {
            return new PaddleStatus(false, null, ex.Message);
        }
    }

    private PaddleModels Models() => PaddleModels.For(_files, _options);

    private OcrPage Recognize(OcrImage image, CancellationToken cancellationToken)
    {
        var models = Models();
        using var clean = ImageCleanup.Prepare(image.Pix, image.Resolution);
        var grey = GreyImage.From(clean.Pix);
        int turns;
        List<OcrLine> lines;
        try
        {
            var boxes = TextDetector.Detect(models.Detection, grey, _options.DetectionMaxSide);
            cancellationToken.ThrowIfCancellationRequested();
            (grey, boxes, turns) = TurnUpright(models, clean, grey, boxes);
            var readings = TextRecognizer.Read(models.Recognition, grey, boxes, models.Characters, cancellationToken);
            lines = Lines(readings, grey);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OcrEngineException($"the PaddleOCR models failed on the page: {ex.Message}", ex);
        }
        var page = new OcrPage(grey.Width, grey.Height, lines);
        return CleanedFrame.ToInput(page, clean, turns, image.Width, image.Height);
    }

    // The page turned so its text reads upright (PageTurns, TextDirection), with the boxes found on it as they lie on the turned page.
    private static (GreyImage Grey, List<TextBox> Boxes, int Turns) TurnUpright(PaddleModels models, ImageCleanup.Result clean, GreyImage grey, List<TextBox> boxes)
    {
        var turns = PageTurns.Sideways(boxes) ? 1 : 0;
        var turned = turns == 0 ? grey : Turned(clean, turns);
        var turnedBoxes = turns == 0 ? boxes : PageTurns.Turn(boxes, turns, grey.Width, grey.Height);
        if (models.Classifier is null || !TextDirection.UpsideDown(models.Classifier, turned, turnedBoxes)) return (turned, turnedBoxes, turns);
        turns += 2;
        return (Turned(clean, turns), PageTurns.Turn(boxes, turns, grey.Width, grey.Height), turns);
    }

    private static GreyImage Turned(ImageCleanup.Result clean, int turns)
    {
        using var pix = clean.Pix.RotateQuarterTurns(turns);
        return GreyImage.From(pix);
    }

    private static List<OcrLine> Lines(IEnumerable<TextRecognizer.Reading> readings, GreyImage image)
    {
        var lines = new List<OcrLine>();
        foreach (var reading in readings)
        {
            var words = LineWords.Split(reading, image);
            if (words.Count == 0) continue;
            var confidence = reading.Characters.Average(c => c.Probability);
            if (confidence < MinLineConfidence) continue;
            var box = reading.Box;
            var bounds = new BoundingBox(words.Min(w => w.Box.Left), box.Top, words.Max(w => w.Box.Right), box.Bottom);
            lines.Add(new OcrLine(words, bounds, 0, 0, box.Height / BoxHeightPerEm));
        }
        return LineParagraphs.Group(lines);
    }
}
