using System.Buffers.Binary;
using System.IO.Compression;

namespace DocStrange.Extraction.Tests.Ocr;

/// <summary>Images made in the tests, byte by byte, so no large or broken file needs committing.</summary>
internal static class TestImages
{
    /// <summary>A valid, all-white 1-bit greyscale PNG of the given size (a 10,000 × 10,000 one deflates to a few dozen KB).</summary>
    public static byte[] WhitePng(int width, int height)
    {
        var rowBytes = (width + 7) / 8;
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[rowBytes + 1];
            Array.Fill(row, (byte)0xFF, 1, rowBytes);
            for (var y = 0; y < height; y++) z.Write(row);
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 1; // bit depth; colour type 0 (grey), no interlace
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> 8-bit grey pixels that has its header and no pixel data.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A baseline JPEG's markers up to its scan for a 3-component image of the given size (16 bits each), and no scan data.</summary>
    public static byte[] JpegHeaderOnly(ushort width, ushort height)
    {
        byte[] sof = [0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
        byte[] sos = [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00];
        return [0xFF, 0xD8, .. sof, .. sos, 0xFF, 0xD9];
    }

    /// <summary>A little-endian TIFF whose one 8-bit grey page declares the given size (as 32-bit numbers) over a strip of a few bytes.</summary>
    public static byte[] TiffHeaderOnly(int width, int height)
    {
        const int entries = 9, ifd = 8, strip = ifd + 2 + entries * 12 + 4;
        var tiff = new byte[strip + 16];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), ifd);
        (ushort Tag, ushort Type, int Value)[] fields =
        [
            (256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
            (273, 4, strip), (277, 3, 1), (278, 4, height), (279, 4, 16),
        ];
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(ifd), entries);
        for (var i = 0; i < entries; i++)
        {
            var e = tiff.AsSpan(ifd + 2 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(e, fields[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(e[2..], fields[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 1);
            if (fields[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)fields[i].Value);
            else BinaryPrimitives.WriteInt32LittleEndian(e[8..], fields[i].Value);
        }
        return tiff;
    }

    /// <summary>
    /// A little-endian TIFF of two 8-bit grey pages of 64 × 64: the first white, the second's
    /// directory sound but its pixel strip pointing past the end of the file.
    /// </summary>
    public static byte[] TiffWithBrokenSecondPage()
    {
        const int side = 64, entries = 9, ifdSize = 2 + entries * 12 + 4;
        const int firstIfd = 8, pixels = firstIfd + ifdSize, secondIfd = pixels + side * side;
        var tiff = new byte[secondIfd + ifdSize];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), firstIfd);
        WriteIfd(tiff, firstIfd, side, pixels, next: secondIfd);
        tiff.AsSpan(pixels, side * side).Fill(0xFF);
        WriteIfd(tiff, secondIfd, side, stripOffset: 0x7FFF0000, next: 0);
        return tiff;
    }

    private static void WriteIfd(byte[] tiff, int at, int side, int stripOffset, int next)
    {
        (ushort Tag, ushort Type, int Value)[] fields =
        [
            (256, 3, side), (257, 3, side), (258, 3, 8), (259, 3, 1), (262, 3, 1),
            (273, 4, stripOffset), (277, 3, 1), (278, 3, side), (279, 4, side * side),
        ];
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var e = tiff.AsSpan(at + 2 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(e, fields[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(e[2..], fields[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 1);
            if (fields[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)fields[i].Value);
            else BinaryPrimitives.WriteInt32LittleEndian(e[8..], fields[i].Value);
        }
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(at + 2 + fields.Length * 12), next);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    // PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320).
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
