namespace DocStrange.Extraction.Ocr;

/// <summary>
/// The languages installed for Tesseract: the <c>*.traineddata</c> files in its data folder (the
/// configured one, <c>TESSDATA_PREFIX</c>, or where Debian and source builds put them), less the
/// orientation detector's <c>osd</c>.
/// </summary>
internal static class TesseractLanguages
{
    private static readonly string[] KnownFolders =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
    ];

    /// <summary>The folder Tesseract will read from, or null when none holds language data.</summary>
    public static string? FindDataFolder(string? configured)
    {
        var prefix = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        IEnumerable<string?> candidates = [configured, prefix, prefix is null ? null : Path.Combine(prefix, "tessdata"), .. KnownFolders];
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && Directory.Exists(c) && Directory.EnumerateFiles(c, "*.traineddata").Any());
    }

    /// <summary>The installed language names, sorted; empty when there is no data folder.</summary>
    public static IReadOnlyList<string> Installed(string? folder) => folder is null
        ? []
        : [.. Directory.EnumerateFiles(folder, "*.traineddata")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => n != TesseractInstance.OrientationLanguage)
            .Order(StringComparer.Ordinal)];

    /// <summary>Whether the orientation detector's data is installed.</summary>
    public static bool HasOrientationData(string? folder) =>
        folder is not null && File.Exists(Path.Combine(folder, TesseractInstance.OrientationLanguage + ".traineddata"));
}
