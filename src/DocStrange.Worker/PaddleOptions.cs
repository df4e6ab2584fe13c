using System.ComponentModel.DataAnnotations;
using DocStrange.Extraction.Ocr.Paddle;

namespace DocStrange.Worker;

/// <summary>How the PaddleOCR engine runs in this worker (configuration section <c>DocStrange:Ocr:Paddle</c>).</summary>
public sealed class PaddleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Ocr:Paddle";

    /// <summary>
    /// The ONNX Runtime execution provider: <c>auto</c> (CUDA where its provider loads, else the CPU,
    /// logging why), <c>cpu</c> (never tries CUDA) or <c>cuda</c> (PaddleOCR is refused, saying why,
    /// when CUDA cannot be used). CUDA needs the GPU build (<c>-p:OnnxRuntimeGpu=true</c>).
    /// </summary>
    [Required, RegularExpression("^(auto|cpu|cuda)$", ErrorMessage = "DocStrange:Ocr:Paddle:ExecutionProvider must be auto, cpu or cuda.")]
    public string ExecutionProvider { get; set; } = PaddleExecution.Auto;

    /// <summary>The CUDA device the models run on.</summary>
    [Range(0, 1023)]
    public int CudaDeviceId { get; set; }

    /// <summary>The engine's options with this provider and device.</summary>
    public PaddleOcrOptions ToEngineOptions() => new() { ExecutionProvider = ExecutionProvider, CudaDeviceId = CudaDeviceId };

    /// <summary>The provider and device as a conversion child's environment, where its process-wide engine reads them.</summary>
    public IReadOnlyDictionary<string, string> ChildEnvironment() => new Dictionary<string, string>
    {
        [PaddleExecution.ProviderVariable] = ExecutionProvider,
        [PaddleExecution.DeviceVariable] = CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
