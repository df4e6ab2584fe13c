using DocStrange.Document.Model;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// <see cref="IOcrEngine"/> on Tesseract 5 in-process: a pool of Tesseract instances, one per thread, each page
/// cleaned up (<see cref="ImageCleanup"/>), recognised, and turned upright first when the text
/// reads badly and the orientation detector says the page lies sideways or upside down.
/// </summary>
public sealed class TesseractOcrEngine : IOcrEngine, IDisposable
{
    private readonly TesseractOptions _options;
    private readonly string? _dataFolder;
    private readonly Lazy<TesseractInstancePool> _pool;

    private static readonly Lazy<TesseractOcrEngine> SharedEngine = new(() => new TesseractOcrEngine());

    /// <summary>The process-wide engine with default options: its pool bounds OCR across every conversion in the process.</summary>
    public static TesseractOcrEngine Shared => SharedEngine.Value;

    /// <summary>An engine with the given options (defaults when null); nothing native is loaded until the first page.</summary>
    public TesseractOcrEngine(TesseractOptions? options = null)
    {
        _options = options ?? new TesseractOptions();
        _dataFolder = TesseractLanguages.FindDataFolder(_options.DataPath);
        InstalledLanguages = TesseractLanguages.Installed(_dataFolder);
        _pool = new Lazy<TesseractInstancePool>(() => new TesseractInstancePool(_options with { DataPath = _dataFolder }));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> InstalledLanguages { get; }

    /// <inheritdoc />
    public int MaxParallelism => Math.Max(1, _options.MaxParallelism);

    /// <inheritdoc />
    public async Task<OcrPage> RecognizeAsync(OcrImage image, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var names = OcrLanguageNames.Resolve(languages, InstalledLanguages);
        using var lease = await _pool.Value.RentAsync(names, cancellationToken);
        try
        {
            return await Task.Run(() => Recognize(lease.Instance, image, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lease.Fail();
            throw;
        }
    }

    private OcrPage Recognize(TesseractInstance instance, OcrImage image, CancellationToken cancellationToken)
    {
        using var clean = ImageCleanup.Prepare(image.Pix, image.Resolution);
        var page = instance.Recognize(clean.Pix, clean.Resolution, _options.PageTimeout, cancellationToken);
        var turns = 0;
        if (PageOrientation.LooksWrong(page) && TesseractLanguages.HasOrientationData(_dataFolder))
        {
            var turned = PageOrientation.TryTurnUpright(clean.Pix, clean.Resolution, instance, _pool.Value, _options, cancellationToken);
            if (turned is { } better && PageOrientation.Score(better.Page) > PageOrientation.Score(page))
            {
                (page, turns) = (better.Page, better.Turns);
            }
        }
        return ToInputFrame(page, clean, turns, image.Width, image.Height);
    }

    // Boxes found on the cleaned (scaled, deskewed, perhaps turned) image, taken back to the pixels given;
    // the upright frame as the engine read it, at the given image's scale.
    private static OcrPage ToInputFrame(OcrPage page, ImageCleanup.Result clean, int turns, int width, int height)
    {
        BoundingBox Map(BoundingBox b)
        {
            var box = clean.ToOriginal(QuarterTurns.Undo(b, turns, clean.Pix.Width, clean.Pix.Height));
            return new BoundingBox(Math.Clamp(box.Left, 0, width), Math.Clamp(box.Top, 0, height), Math.Clamp(box.Right, 0, width), Math.Clamp(box.Bottom, 0, height));
        }
        var (uprightWidth, uprightHeight) = (page.UprightWidth / clean.Scale, page.UprightHeight / clean.Scale);
        BoundingBox Upright(BoundingBox b) => new(Math.Clamp(b.Left / clean.Scale, 0, uprightWidth), Math.Clamp(b.Top / clean.Scale, 0, uprightHeight),
            Math.Clamp(b.Right / clean.Scale, 0, uprightWidth), Math.Clamp(b.Bottom / clean.Scale, 0, uprightHeight));
        var lines = page.Lines.Select(l => l with
        {
            Box = Map(l.Box),
            FontSize = l.FontSize / clean.Scale,
            Baseline = l.Baseline / clean.Scale,
            Words = [.. l.Words.Select(w => w with { Box = Map(w.Box), Upright = Upright(w.Upright) })],
        }).ToList();
        return new OcrPage(width, height, lines) { UprightWidth = uprightWidth, UprightHeight = uprightHeight, Rules = [.. page.Rules.Select(Upright)] };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_pool.IsValueCreated) _pool.Value.Dispose();
    }
}
