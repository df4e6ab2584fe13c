using System.Collections.Concurrent;
using DocStrange.Extraction.Ocr.Errors;
using Microsoft.ML.OnnxRuntime;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// The loaded PP-OCRv4 models and character list: loaded once per process and folder, and shared by
/// every page (an ONNX Runtime session may run from several threads at once). A file that is missing
/// or does not load is an <see cref="OcrEngineException"/> naming it, and is remembered, so every
/// later page is refused the same way without trying again.
/// </summary>
internal sealed class PaddleModels : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<PaddleModels>> Loaded = new();

    private PaddleModels(InferenceSession detection, InferenceSession recognition, InferenceSession? classifier, IReadOnlyList<string> characters)
    {
        Detection = detection;
        Recognition = recognition;
        Classifier = classifier;
        Characters = characters;
    }

    /// <summary>The text detector (DB).</summary>
    public InferenceSession Detection { get; }

    /// <summary>The line recogniser (CTC).</summary>
    public InferenceSession Recognition { get; }

    /// <summary>The text-direction classifier (0° or 180°); null when its file is not installed, and upside-down pages then stay unread.</summary>
    public InferenceSession? Classifier { get; }

    /// <summary>The recogniser's classes after the CTC blank: the character list, then the space.</summary>
    public IReadOnlyList<string> Characters { get; }

    /// <summary>The models in <paramref name="files"/>, loaded on first use with <paramref name="threads"/> intra-op threads each.</summary>
    public static PaddleModels For(PaddleModelFiles files, int threads) =>
        Loaded.GetOrAdd(Path.GetFullPath(files.Folder), _ => new Lazy<PaddleModels>(() => Load(files, threads))).Value;

    private static PaddleModels Load(PaddleModelFiles files, int threads)
    {
        files.CheckPresent();
        var characters = ReadCharacters(files.PathOf(PaddleModelFiles.Keys));
        var detection = Open(files.PathOf(PaddleModelFiles.Detection), threads);
        try
        {
            var recognition = Open(files.PathOf(PaddleModelFiles.Recognition), threads);
            var classes = recognition.OutputMetadata.Values.First().Dimensions[^1];
            // Blank + list + space: a list from another model would shift every character.
            if (classes != characters.Count + 1)
            {
                recognition.Dispose();
                throw new OcrEngineException($"the PaddleOCR character list {files.PathOf(PaddleModelFiles.Keys)} has {characters.Count - 1} characters where the recogniser has {classes - 2}");
            }
            var classifierPath = files.PathOf(PaddleModelFiles.Classifier);
            var classifier = File.Exists(classifierPath) ? Open(classifierPath, threads) : null;
            return new PaddleModels(detection, recognition, classifier, characters);
        }
        catch
        {
            detection.Dispose();
            throw;
        }
    }

    private static InferenceSession Open(string path, int threads)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, threads), InterOpNumThreads = 1 };
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OcrEngineException($"the PaddleOCR model file {path} could not be loaded (damaged or not an ONNX model: reinstall it with script/lib/models.sh)", ex);
        }
    }

    private static List<string> ReadCharacters(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new OcrEngineException($"the PaddleOCR character list {path} is empty");
        return [.. lines, " "];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Detection.Dispose();
        Recognition.Dispose();
        Classifier?.Dispose();
    }
}
