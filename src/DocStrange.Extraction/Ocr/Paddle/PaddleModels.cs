using System.Collections.Concurrent;
using DocStrange.Extraction.Ocr.Errors;
using Microsoft.ML.OnnxRuntime;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// The loaded PP-OCRv4 models and character list: loaded once per process and folder, and shared by
/// every page (an ONNX Runtime session may run from several threads at once). A file that is missing
/// or does not load is an <see cref="OcrEngineException"/> naming it, and is remembered, so every
/// later page is refused the same way without trying again. The sessions run on the execution provider
/// <see cref="PaddleExecution.Choose"/> picks; where CUDA loads but cannot start a session, <c>auto</c>
/// runs them on the CPU and <c>cuda</c> is refused the same way; <see cref="Execution"/> says which it is.
/// </summary>
internal sealed class PaddleModels : IDisposable
{
    private static readonly ConcurrentDictionary<(string, string, int), Lazy<PaddleModels>> Loaded = new();

    private PaddleModels(InferenceSession detection, InferenceSession recognition, InferenceSession? classifier, IReadOnlyList<string> characters, PaddleExecution execution)
    {
        Execution = execution;
        Detection = detection;
        Recognition = recognition;
        Classifier = classifier;
        Characters = characters;
    }

    /// <summary>The execution provider the sessions run on.</summary>
    public PaddleExecution Execution { get; }

    /// <summary>The text detector (DB).</summary>
    public InferenceSession Detection { get; }

    /// <summary>The line recogniser (CTC).</summary>
    public InferenceSession Recognition { get; }

    /// <summary>The text-direction classifier (0° or 180°); null when its file is not installed, and upside-down pages then stay unread.</summary>
    public InferenceSession? Classifier { get; }

    /// <summary>The recogniser's classes after the CTC blank: the character list, then the space.</summary>
    public IReadOnlyList<string> Characters { get; }

    /// <summary>The models in <paramref name="files"/>, loaded on first use with the options' intra-op threads and execution provider.</summary>
    public static PaddleModels For(PaddleModelFiles files, PaddleOcrOptions options)
    {
        var wanted = PaddleExecution.Wanted(options.ExecutionProvider);
        var device = options.CudaDeviceId ?? PaddleExecution.DeviceFromEnvironment();
        var threads = options.ModelThreads;
        return Loaded.GetOrAdd((Path.GetFullPath(files.Folder), wanted, device),
            _ => new Lazy<PaddleModels>(() => Load(files, threads, wanted, device))).Value;
    }

    private static PaddleModels Load(PaddleModelFiles files, int threads, string wanted, int device)
    {
        files.CheckPresent();
        var characters = ReadCharacters(files.PathOf(PaddleModelFiles.Keys));
        var execution = PaddleExecution.Choose(wanted, device);
        var detectionPath = files.PathOf(PaddleModelFiles.Detection);
        InferenceSession detection;
        try
        {
            detection = Open(detectionPath, threads, execution, device);
        }
        catch (OcrEngineException ex) when (execution.Provider == PaddleExecution.Cuda && ex.InnerException is OnnxRuntimeException cuda && Opens(detectionPath))
        {
            // The model is sound on the CPU: CUDA itself could not start (no device, a driver too old).
            execution = PaddleExecution.SessionFailed(wanted, device, cuda);
            detection = Open(detectionPath, threads, execution, device);
        }
        try
        {
            var recognition = Open(files.PathOf(PaddleModelFiles.Recognition), threads, execution, device);
            var classes = recognition.OutputMetadata.Values.First().Dimensions[^1];
            // Blank + list + space: a list from another model would shift every character.
            if (classes != characters.Count + 1)
            {
                recognition.Dispose();
                throw new OcrEngineException($"the PaddleOCR character list {files.PathOf(PaddleModelFiles.Keys)} has {characters.Count - 1} characters where the recogniser has {classes - 2}");
            }
            var classifierPath = files.PathOf(PaddleModelFiles.Classifier);
            var classifier = File.Exists(classifierPath) ? Open(classifierPath, threads, execution, device) : null;
            return new PaddleModels(detection, recognition, classifier, characters, execution);
        }
        catch
        {
            detection.Dispose();
            throw;
        }
    }

    private static InferenceSession Open(string path, int threads, PaddleExecution execution, int device)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, threads), InterOpNumThreads = 1 };
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        try
        {
            execution.ApplyTo(options, device);
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OcrEngineException($"the PaddleOCR model file {path} could not be loaded (damaged or not an ONNX model: reinstall it with script/lib/models.sh)", ex);
        }
    }

    // Whether the model opens on the CPU, to tell a damaged file from a CUDA that cannot start.
    private static bool Opens(string path)
    {
        try
        {
            using var session = Open(path, 1, new PaddleExecution(PaddleExecution.Cpu), 0);
            return true;
        }
        catch (OcrEngineException)
        {
            return false;
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
