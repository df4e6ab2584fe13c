using System.Buffers.Binary;
using DocStrange.Document.Files;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Formats.Image;

/// <summary>
/// An image's size read from its header alone, before anything is decoded, so a small file that
/// declares a huge image (a decompression bomb) is refused without allocating it. leptonica reads
/// PNG, JPEG, TIFF, BMP and WebP headers; a GIF's is read here because leptonica decodes the whole
/// GIF to learn its size.
/// </summary>
internal static unsafe class ImageHeaders
{
    /// <summary>Width, height and resolution (ppi, 0 when the file does not say) of one page.</summary>
    public readonly record struct Size(long Width, long Height, int Resolution)
    {
        /// <summary>Width times height.</summary>
        public long Pixels => Width * Height;
    }

    /// <summary>The size of page <paramref name="page"/>, or null when the header cannot be read.</summary>
    public static Size? Read(ReadOnlySpan<byte> data, FileKind kind, int page)
    {
        if (kind == FileKind.Gif) return ReadGif(data);
        NativeEnvironment.Prepare();
        fixed (byte* p = data)
        {
            if (kind == FileKind.Tiff)
            {
                return Leptonica.readHeaderMemTiff(p, (nuint)data.Length, page, out var tw, out var th, out _, out _, out var res, out _, out _) == 0
                    ? new Size(tw, th, res)
                    : null;
            }
            return Leptonica.pixReadHeaderMem(p, (nuint)data.Length, out _, out var w, out var h, out _, out _, out _) == 0
                ? new Size(w, h, 0)
                : null;
        }
    }

    // GIF87a/89a: the logical screen size at bytes 6-9, then blocks up to the first image descriptor,
    // whose own size leptonica allocates; the larger of the two counts.
    private static Size? ReadGif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13) return null;
        long width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        long height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        var pos = 13 + ColorTableLength(data[10]);
        while (pos < data.Length)
        {
            switch (data[pos])
            {
                case 0x2C when pos + 10 <= data.Length:
                    width = Math.Max(width, BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + 5)..]));
                    height = Math.Max(height, BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + 7)..]));
                    return new Size(width, height, 0);
                case 0x21 when pos + 2 < data.Length:
                    pos = SkipSubBlocks(data, pos + 2);
                    break;
                default:
                    return new Size(width, height, 0);
            }
        }
        return new Size(width, height, 0);
    }

    private static int ColorTableLength(byte flags) => (flags & 0x80) != 0 ? 3 << ((flags & 0x07) + 1) : 0;

    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && data[pos] != 0) pos += data[pos] + 1;
        return pos + 1;
    }
}
