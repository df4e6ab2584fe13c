using System.Buffers.Binary;

namespace DocStrange.Extraction.Formats.Image;

/// <summary>
/// Counts the pages (image file directories) of a TIFF by following its chain of directory offsets
/// (TIFF 6.0 §2, BigTIFF alike). A chain that points outside the file or back on itself ends there;
/// a page whose directory is announced but broken still counts, so the reader reports it rather than
/// silently dropping it.
/// </summary>
internal static class TiffPages
{
    private const int MaxPages = 100_000;

    /// <summary>The number of pages; at least 1 for anything that starts like a TIFF.</summary>
    public static int Count(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8) return 1;
        var little = data[0] == (byte)'I';
        var big = U16(data, 2, little) == 43;
        if (big && data.Length < 16) return 1;
        var offset = big ? U64(data, 8, little) : U32(data, 4, little);
        var seen = new HashSet<ulong>();
        var pages = 0;
        while (offset != 0 && pages < MaxPages && seen.Add(offset))
        {
            pages++;
            var entrySize = big ? 20UL : 12UL;
            var countSize = big ? 8UL : 2UL;
            if (offset + countSize > (ulong)data.Length) break;
            var entries = big ? U64(data, (int)offset, little) : U16(data, (int)offset, little);
            var next = offset + countSize + entries * entrySize;
            if (entries > 100_000 || next + (big ? 8UL : 4UL) > (ulong)data.Length) break;
            offset = big ? U64(data, (int)next, little) : U32(data, (int)next, little);
        }
        return Math.Max(1, pages);
    }

    private static ushort U16(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);

    private static uint U32(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);

    private static ulong U64(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt64BigEndian(d[at..]);
}
