using DocStrange.Document.Files;

namespace DocStrange.Extraction.Formats.LibreOffice;

/// <summary>
/// Finds LibreOffice's <c>soffice</c>: a configured path when one is given (a path that does not exist
/// means "not installed"), else the first <c>soffice</c> or <c>libreoffice</c> on <c>PATH</c> or in the
/// usual install folders.
/// </summary>
public static class LibreOfficeLocator
{
    private static readonly string[] Names = ["soffice", "libreoffice"];
    private static readonly string[] Folders = ["/usr/lib/libreoffice/program", "/opt/libreoffice/program", "/usr/local/lib/libreoffice/program", "/Applications/LibreOffice.app/Contents/MacOS"];

    /// <summary>The kinds converted through LibreOffice when it is installed.</summary>
    public static IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Doc, FileKind.Ppt, FileKind.Odt, FileKind.Ods, FileKind.Odp];

    /// <summary>The path of <c>soffice</c>, or null when LibreOffice is not installed (or <paramref name="configured"/> names no file).</summary>
    public static string? Find(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(Folders))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>What to tell a caller who sent a kind that needs LibreOffice on a server without it.</summary>
    public static string MissingMessage(FileKind kind) =>
        $"Files of kind '{FileKinds.NameOf(kind)}' are converted through LibreOffice, which is not installed on this server. " +
        "Install it (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui) " +
        "or save the file as DOCX, XLSX or PPTX first.";
}
