namespace DocStrange.Document.Files;

/// <summary>
/// Checks that a file's first bytes agree with the kind its extension claims, so a binary renamed
/// <c>.pdf</c> or an executable renamed <c>.txt</c> is refused before any reader sees it. Containers
/// are only checked as containers (a DOCX and an XLSX are both ZIP files); the reader finds a DOCX
/// renamed <c>.xlsx</c>.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Agrees"/> wants to see.</summary>
    public const int HeadLength = 8192;

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> TiffLe => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBe => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> Bmp => "BM"u8;
    private static ReadOnlySpan<byte> Gif => "GIF8"u8;
    private static ReadOnlySpan<byte> Riff => "RIFF"u8;
    private static ReadOnlySpan<byte> Webp => "WEBP"u8;

    /// <summary>Whether <paramref name="head"/> (the first bytes of the file, up to <see cref="HeadLength"/>) can be a file of <paramref name="kind"/>.</summary>
    public static bool Agrees(FileKind kind, ReadOnlySpan<byte> head) => kind switch
    {
        // PDF readers accept a header within the first KiB; so do we.
        FileKind.Pdf => head[..Math.Min(head.Length, 1024)].IndexOf(Pdf) >= 0,
        FileKind.Docx or FileKind.Xlsx or FileKind.Pptx or FileKind.Odt or FileKind.Ods or FileKind.Odp => head.StartsWith(Zip),
        FileKind.Xls or FileKind.Doc or FileKind.Ppt => head.StartsWith(Ole2),
        FileKind.Png => head.StartsWith(Png),
        FileKind.Jpeg => head.StartsWith(Jpeg),
        FileKind.Tiff => head.StartsWith(TiffLe) || head.StartsWith(TiffBe),
        FileKind.Bmp => head.StartsWith(Bmp),
        FileKind.Gif => head.StartsWith(Gif),
        FileKind.Webp => head.Length >= 12 && head.StartsWith(Riff) && head[8..12].SequenceEqual(Webp),
        FileKind.Csv or FileKind.Html or FileKind.Markdown or FileKind.Text => LooksLikeText(head),
        _ => false,
    };

    /// <summary>
    /// Text in a common encoding: UTF-16 with a byte-order mark, or bytes with no NUL and few
    /// control characters (UTF-8 and single-byte code pages both pass).
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return false;
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C and not 0x1B)
            {
                controls++;
            }
        }
        return controls * 100 <= head.Length;
    }
}
