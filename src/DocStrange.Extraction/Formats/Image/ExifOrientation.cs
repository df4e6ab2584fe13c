using System.Buffers.Binary;
using DocStrange.Document.Files;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Formats.Image;

/// <summary>
/// The EXIF orientation tag (0x0112, values 1-8) of a JPEG (APP1), PNG (eXIf chunk) or WebP (EXIF
/// chunk), and the turn or mirror that shows the image the way the camera held it. leptonica
/// decodes pixels as stored; TIFF orientation it applies itself.
/// </summary>
internal static class ExifOrientation
{
    private const ushort OrientationTag = 0x0112;

    /// <summary>The orientation value, 1 (as stored) when absent or unreadable.</summary>
    public static int Read(ReadOnlySpan<byte> data, FileKind kind)
    {
        var tiff = kind switch
        {
            FileKind.Jpeg => FindInJpeg(data),
            FileKind.Png => FindChunk(data, 8, "eXIf"u8, bigEndianLengths: true),
            FileKind.Webp => FindChunk(data, 12, "EXIF"u8, bigEndianLengths: false),
            _ => [],
        };
        if (tiff.StartsWith("Exif\0\0"u8)) tiff = tiff[6..];
        var value = ReadTag(tiff);
        return value is >= 1 and <= 8 ? value : 1;
    }

    /// <summary>The image shown upright for <paramref name="orientation"/>; the same image (not a copy) for 1.</summary>
    public static Pix Apply(Pix pix, int orientation) => orientation switch
    {
        2 => pix.FlipLeftRight(),
        3 => pix.RotateQuarterTurns(2),
        4 => pix.FlipTopBottom(),
        5 => Twice(pix.RotateQuarterTurns(1), p => p.FlipLeftRight()),
        6 => pix.RotateQuarterTurns(1),
        7 => Twice(pix.RotateQuarterTurns(3), p => p.FlipLeftRight()),
        8 => pix.RotateQuarterTurns(3),
        _ => pix,
    };

    private static Pix Twice(Pix first, Func<Pix, Pix> then)
    {
        using (first) return then(first);
    }

    private static ReadOnlySpan<byte> FindInJpeg(ReadOnlySpan<byte> data)
    {
        var pos = 2;
        while (pos + 4 <= data.Length && data[pos] == 0xFF)
        {
            var marker = data[pos + 1];
            if (marker is 0xD9 or 0xDA) break; // end of image, start of scan: no more metadata
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > data.Length) break;
            var segment = data.Slice(pos + 4, length - 2);
            if (marker == 0xE1 && segment.StartsWith("Exif\0\0"u8)) return segment;
            pos += 2 + length;
        }
        return [];
    }

    // PNG chunks: 4-byte big-endian length, type, data, CRC. RIFF chunks: type, 4-byte little-endian length, data, pad to even.
    private static ReadOnlySpan<byte> FindChunk(ReadOnlySpan<byte> data, int start, ReadOnlySpan<byte> type, bool bigEndianLengths)
    {
        var pos = start;
        while (pos + 8 <= data.Length)
        {
            var length = bigEndianLengths
                ? BinaryPrimitives.ReadUInt32BigEndian(data[pos..])
                : BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
            var chunkType = bigEndianLengths ? data.Slice(pos + 4, 4) : data.Slice(pos, 4);
            if (length > (uint)(data.Length - pos - 8)) break;
            if (chunkType.SequenceEqual(type)) return data.Slice(pos + 8, (int)length);
            pos += 8 + (int)length + (bigEndianLengths ? 4 : (int)(length & 1));
        }
        return [];
    }

    private static int ReadTag(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return 1;
        var little = tiff[0] == (byte)'I';
        if (!little && tiff[0] != (byte)'M') return 1;
        var ifd = U32(tiff, 4, little);
        if (ifd > (uint)tiff.Length - 2) return 1;
        var entries = U16(tiff, (int)ifd, little);
        for (var i = 0; i < entries; i++)
        {
            var at = (int)ifd + 2 + i * 12;
            if (at + 12 > tiff.Length) break;
            if (U16(tiff, at, little) == OrientationTag) return U16(tiff, at + 8, little);
        }
        return 1;
    }

    private static ushort U16(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);

    private static uint U32(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);
}
