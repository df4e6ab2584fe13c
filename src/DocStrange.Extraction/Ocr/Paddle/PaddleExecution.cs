using System.Collections.Concurrent;
using DocStrange.Extraction.Ocr.Errors;
using Microsoft.ML.OnnxRuntime;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// The ONNX Runtime execution provider the PaddleOCR sessions run on (<see cref="Provider"/>: <c>cpu</c>
/// or <c>cuda</c>), and, where <c>auto</c> asked for CUDA and got the CPU, why (<see cref="FallbackReason"/>).
/// </summary>
public sealed record PaddleExecution(string Provider, string? FallbackReason = null)
{
    /// <summary>The setting's name, as the configuration names it.</summary>
    public const string Setting = "DocStrange:Ocr:Paddle:ExecutionProvider";

    /// <summary>The environment variable that carries <see cref="Setting"/> (and so reaches conversion children).</summary>
    public const string ProviderVariable = "DocStrange__Ocr__Paddle__ExecutionProvider";

    /// <summary>The environment variable that carries the CUDA device's number.</summary>
    public const string DeviceVariable = "DocStrange__Ocr__Paddle__CudaDeviceId";

    /// <summary>Try CUDA, fall back to the CPU when its provider cannot be loaded.</summary>
    public const string Auto = "auto";

    /// <summary>ONNX Runtime's default CPU provider.</summary>
    public const string Cpu = "cpu";

    /// <summary>The CUDA provider (the <c>Microsoft.ML.OnnxRuntime.Gpu.Linux</c> build, CUDA 12 and cuDNN 9).</summary>
    public const string Cuda = "cuda";

    private static readonly ConcurrentDictionary<(string, int), Lazy<PaddleExecution>> Chosen = new();

    /// <summary>
    /// The provider for <paramref name="wanted"/> (<c>auto</c>, <c>cpu</c>, <c>cuda</c>; null reads
    /// <see cref="ProviderVariable"/>, in any case, else auto) on CUDA device <paramref name="deviceId"/> (null reads
    /// <see cref="DeviceVariable"/>, else 0): chosen once per process, as the sessions then run. Throws an
    /// <see cref="OcrEngineException"/> saying why when <c>cuda</c> is asked for and its provider cannot be
    /// loaded, or the setting is not one of the three.
    /// </summary>
    public static PaddleExecution Choose(string? wanted, int? deviceId)
    {
        var provider = Wanted(wanted);
        var device = deviceId ?? DeviceFromEnvironment();
        if (provider is not (Auto or Cpu or Cuda))
        {
            throw new OcrEngineException($"{Setting} is '{provider}': use auto, cpu or cuda");
        }
        if (provider == Cpu) return new PaddleExecution(Cpu);
        return Chosen.GetOrAdd((provider, device), key => new Lazy<PaddleExecution>(() => Try(key.Item1, key.Item2))).Value;
    }

    /// <summary>Adds this provider to a session's options (the CPU needs nothing: ONNX Runtime always has it).</summary>
    internal void ApplyTo(SessionOptions options, int deviceId)
    {
        if (Provider == Cuda) options.AppendExecutionProvider_CUDA(deviceId);
    }

    /// <summary>The CPU in place of CUDA that could not start a session, for <c>auto</c>; for <c>cuda</c>, the refusal.</summary>
    internal static PaddleExecution SessionFailed(string wanted, int deviceId, OnnxRuntimeException ex) =>
        wanted == Cuda ? throw Refused(deviceId, ex.Message, ex) : new PaddleExecution(Cpu, $"the CUDA execution provider could not start a session on device {deviceId}: {ex.Message}");

    /// <summary>The provider <paramref name="wanted"/> resolves to before any session: the setting's value, or auto.</summary>
    internal static string Wanted(string? wanted) => (wanted ?? Variable(ProviderVariable) ?? Auto).Trim().ToLowerInvariant();

    /// <summary>The CUDA device from the environment, else 0.</summary>
    internal static int DeviceFromEnvironment() =>
        int.TryParse(Variable(DeviceVariable), out var device) && device >= 0 ? device : 0;

    // As .NET's configuration reads it: the name in any case (DOCSTRANGE__OCR__PADDLE__EXECUTIONPROVIDER too).
    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
            .Select(Environment.GetEnvironmentVariable).FirstOrDefault();

    private static PaddleExecution Try(string wanted, int deviceId)
    {
        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(deviceId);
            return new PaddleExecution(Cuda);
        }
        // The CPU-only build's native library has no CUDA entry point (EntryPointNotFoundException); a GPU
        // build without the CUDA or cuDNN libraries cannot load its provider library (OnnxRuntimeException).
        catch (Exception ex) when (ex is EntryPointNotFoundException or OnnxRuntimeException)
        {
            if (wanted == Cuda) throw Refused(deviceId, ex.Message, ex);
            return new PaddleExecution(Cpu, $"the CUDA execution provider could not be loaded: {ex.Message}");
        }
    }

    private static OcrEngineException Refused(int deviceId, string why, Exception inner) =>
        new($"{Setting} is cuda, and the CUDA execution provider could not be used on device {deviceId} ({why}): "
            + "run the GPU build (-p:OnnxRuntimeGpu=true, CUDA 12 and cuDNN 9) on a machine with an NVIDIA GPU, or set it to auto or cpu", inner);
}

/// <summary>Whether the PaddleOCR engine can run (<see cref="Execution"/>: on which provider) or why not (<see cref="Reason"/>).</summary>
public sealed record PaddleStatus(bool Available, PaddleExecution? Execution, string? Reason);
