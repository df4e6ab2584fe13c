using DocStrange.Extraction.Ocr.Paddle;

namespace DocStrange.Extraction.Tests.Ocr.Paddle;

/// <summary>
/// The PP-OCRv4 model files the tests run: script/test installs them (script/lib/models.sh) into
/// .artifacts/models/paddleocr. Without them the tests fail saying so, rather than pass on nothing.
/// </summary>
internal static class PaddleTestModels
{
    private static readonly Lazy<PaddleOcrEngine> SharedEngine = new(() => new PaddleOcrEngine(new PaddleOcrOptions { ModelPath = Folder }));

    /// <summary>The installed models' folder.</summary>
    public static string Folder
    {
        get
        {
            var files = PaddleModelFiles.Find(null);
            Assert.True(File.Exists(files.PathOf(PaddleModelFiles.Recognition)),
                $"the PaddleOCR models are not installed in {files.Folder}: run script/test, or source script/lib/common.sh and script/lib/models.sh and call ensure_paddle_models");
            return files.Folder;
        }
    }

    /// <summary>One engine on the installed models for every test, as a worker has one.</summary>
    public static PaddleOcrEngine Engine => SharedEngine.Value;

    /// <summary>A folder of copies of the model files, less <paramref name="left"/> and with <paramref name="damaged"/> overwritten by text.</summary>
    public static string CopyWithout(string? left = null, string? damaged = null)
    {
        var folder = Directory.CreateTempSubdirectory("paddle-models-").FullName;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(file);
            if (name == left) continue;
            var target = Path.Combine(folder, name);
            if (name == damaged) File.WriteAllText(target, "not a model");
            else File.Copy(file, target);
        }
        return folder;
    }
}
