using DocStrange.Document.Files;

namespace DocStrange.Extraction.Pictures;

/// <summary>An encoded image's format, told by its first bytes (never by a name or a content type, which a file may lie about).</summary>
internal static class ImageFormats
{
    /// <summary>The kind the bytes start like, or null for none that a browser shows (EMF, WMF, SVG, garbage).</summary>
    public static FileKind? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return FileKind.Png;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return FileKind.Jpeg;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) return FileKind.Gif;
        if (data.StartsWith("BM"u8) && data.Length > 26) return FileKind.Bmp;
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8)) return FileKind.Tiff;
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return FileKind.Webp;
        return null;
    }

    /// <summary>The format's short name in the output (<c>jpeg</c>, <c>png</c>, ...).</summary>
    public static string NameOf(FileKind kind) => FileKinds.NameOf(kind);

    /// <summary>The file name extension: <c>jpg</c> for JPEG, the format's name otherwise.</summary>
    public static string ExtensionOf(FileKind kind) => kind == FileKind.Jpeg ? "jpg" : FileKinds.NameOf(kind);
}
