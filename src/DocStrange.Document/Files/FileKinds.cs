using System.Collections.Frozen;

namespace DocStrange.Document.Files;

/// <summary>The extension allow-list and what each kind looks like on the wire.</summary>
public static class FileKinds
{
    private static readonly FrozenDictionary<string, FileKind> ByExtension = new Dictionary<string, FileKind>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileKind.Pdf,
        [".docx"] = FileKind.Docx,
        [".xlsx"] = FileKind.Xlsx,
        [".xls"] = FileKind.Xls,
        [".pptx"] = FileKind.Pptx,
        [".csv"] = FileKind.Csv,
        [".html"] = FileKind.Html,
        [".htm"] = FileKind.Html,
        [".md"] = FileKind.Markdown,
        [".markdown"] = FileKind.Markdown,
        [".txt"] = FileKind.Text,
        [".text"] = FileKind.Text,
        [".png"] = FileKind.Png,
        [".jpg"] = FileKind.Jpeg,
        [".jpeg"] = FileKind.Jpeg,
        [".tif"] = FileKind.Tiff,
        [".tiff"] = FileKind.Tiff,
        [".bmp"] = FileKind.Bmp,
        [".gif"] = FileKind.Gif,
        [".webp"] = FileKind.Webp,
        [".doc"] = FileKind.Doc,
        [".ppt"] = FileKind.Ppt,
        [".odt"] = FileKind.Odt,
        [".ods"] = FileKind.Ods,
        [".odp"] = FileKind.Odp,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every extension on the allow-list, with its dot.</summary>
    public static IEnumerable<string> Extensions => ByExtension.Keys.Order(StringComparer.Ordinal);

    /// <summary>The kind named by a file name's extension, or <see cref="FileKind.Unknown"/>.</summary>
    public static FileKind FromFileName(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return ext.Length > 0 && ByExtension.TryGetValue(ext, out var kind) ? kind : FileKind.Unknown;
    }

    /// <summary>The kind's lower-case wire name, e.g. <c>pdf</c>, <c>docx</c>.</summary>
    public static string NameOf(FileKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Whether the kind is a raster image.</summary>
    public static bool IsImage(FileKind kind) =>
        kind is FileKind.Png or FileKind.Jpeg or FileKind.Tiff or FileKind.Bmp or FileKind.Gif or FileKind.Webp;

    /// <summary>Whether the kind is plain text in some character set (no binary container).</summary>
    public static bool IsText(FileKind kind) =>
        kind is FileKind.Csv or FileKind.Html or FileKind.Markdown or FileKind.Text;
}
