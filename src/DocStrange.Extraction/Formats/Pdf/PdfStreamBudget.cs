using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using DocStrange.Document.Errors;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Holds what one opening of a PDF inflates to within <see cref="ReaderLimits.MaxPdfStreamBytes"/> per stream
/// and <see cref="ReaderLimits.MaxPdfDecodedBytes"/> in all: PdfPig inflates a stream whole into memory, so a
/// 1 MB file whose page content is 1 GiB of deflated spaces took 2.6 GB and seconds to minutes. Every
/// filter PdfPig asks for comes through <see cref="Filters"/>; a stream of Flate, LZW or run-length data
/// that could inflate past what is left is first measured by inflating it without keeping the output, and
/// refused (<c>FILE_TOO_LARGE</c>) before PdfPig allocates for it. PdfPig may swallow the refusal where it
/// tolerates damage (a font that fails to load), so it is also kept in <see cref="Refusal"/> for the reader
/// to throw: once refused, every later stream is refused too.
/// </summary>
internal sealed class PdfStreamBudget
{
    private readonly string _fileName;
    private readonly long _maxStreamBytes;
    private readonly long _maxDecodedBytes;
    private long _decoded;

    /// <summary>A budget for one opening of <paramref name="fileName"/>; the limits are <see cref="ReaderLimits"/>' unless given (tests).</summary>
    public PdfStreamBudget(string fileName, long maxStreamBytes = ReaderLimits.MaxPdfStreamBytes, long maxDecodedBytes = ReaderLimits.MaxPdfDecodedBytes)
    {
        _fileName = fileName;
        _maxStreamBytes = maxStreamBytes;
        _maxDecodedBytes = maxDecodedBytes;
        Filters = new BudgetedFilterProvider(this);
    }

    /// <summary>PdfPig's filters, each held to the budget.</summary>
    public IFilterProvider Filters { get; }

    /// <summary>The refusal, once a stream went past a limit.</summary>
    public DocStrangeException? Refusal { get; private set; }

    /// <summary>Throws the refusal, if there was one.</summary>
    public void ThrowIfRefused()
    {
        if (Refusal is { } refusal) throw refusal;
    }

    // The most the next stream may inflate to, and the limit that sets it.
    private (long Bytes, bool PerStream) Allowance()
    {
        var left = _maxDecodedBytes - Interlocked.Read(ref _decoded);
        return left < _maxStreamBytes ? (Math.Max(0, left), false) : (_maxStreamBytes, true);
    }

    private DocStrangeException Refuse(bool perStream)
    {
        var (limit, max, what) = perStream
            ? ("max_stream_bytes", _maxStreamBytes, "one of its streams inflates")
            : ("max_decoded_bytes", _maxDecodedBytes, "its streams inflate");
        Refusal ??= new DocStrangeException(ErrorCode.FileTooLarge,
            $"'{_fileName}' is refused: {what} to more than {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (a decompression bomb).",
            new Dictionary<string, object?> { ["file_name"] = _fileName, ["file_type"] = "pdf", ["limit"] = limit, ["max"] = max });
        return Refusal;
    }

    private sealed class BudgetedFilterProvider(PdfStreamBudget budget) : BaseFilterProvider(Wrap(budget));

    private static Dictionary<string, IFilter> Wrap(PdfStreamBudget budget)
    {
        var flate = new BudgetedFilter(new FlateFilter(), budget, FlateLength, 1032);
        var lzw = new BudgetedFilter(new LzwFilter(), budget, LzwLength, 4096);
        var runLength = new BudgetedFilter(new RunLengthFilter(), budget, RunLength, 128);
        var ascii85 = new BudgetedFilter(new Ascii85Filter(), budget);
        var asciiHex = new BudgetedFilter(new AsciiHexDecodeFilter(), budget);
        var ccitt = new BudgetedFilter(new CcittFaxDecodeFilter(), budget);
        var dct = new BudgetedFilter(new DctDecodeFilter(), budget);
        var jbig2 = new BudgetedFilter(new Jbig2DecodeFilter(), budget);
        var jpx = new BudgetedFilter(new JpxDecodeFilter(), budget);
        return new Dictionary<string, IFilter>
        {
            [NameToken.FlateDecode.Data] = flate, [NameToken.FlateDecodeAbbreviation.Data] = flate,
            [NameToken.LzwDecode.Data] = lzw, [NameToken.LzwDecodeAbbreviation.Data] = lzw,
            [NameToken.RunLengthDecode.Data] = runLength, [NameToken.RunLengthDecodeAbbreviation.Data] = runLength,
            [NameToken.Ascii85Decode.Data] = ascii85, [NameToken.Ascii85DecodeAbbreviation.Data] = ascii85,
            [NameToken.AsciiHexDecode.Data] = asciiHex, [NameToken.AsciiHexDecodeAbbreviation.Data] = asciiHex,
            [NameToken.CcittfaxDecode.Data] = ccitt, [NameToken.CcittfaxDecodeAbbreviation.Data] = ccitt,
            [NameToken.DctDecode.Data] = dct, [NameToken.DctDecodeAbbreviation.Data] = dct,
            [NameToken.Jbig2Decode.Data] = jbig2,
            [NameToken.JpxDecode.Data] = jpx,
        };
    }

    /// <summary>
    /// A PdfPig filter whose output counts against the budget. <paramref name="measure"/> gives the length the
    /// input inflates to, stopping past a limit; it runs only when the input is long enough to go past what
    /// is left even at the filter's greatest expansion (<paramref name="maxExpansion"/>).
    /// </summary>
    private sealed class BudgetedFilter(IFilter inner, PdfStreamBudget budget, Func<ReadOnlyMemory<byte>, DictionaryToken, int, long, long>? measure = null, int maxExpansion = 1) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.ThrowIfRefused();
            var (allowed, perStream) = budget.Allowance();
            if (measure is not null && (long)input.Length * maxExpansion > allowed
                && measure(input, streamDictionary, filterIndex, allowed) > allowed)
            {
                throw budget.Refuse(perStream);
            }
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (output.Length > budget._maxStreamBytes) throw budget.Refuse(perStream: true);
            if (Interlocked.Add(ref budget._decoded, output.Length) > budget._maxDecodedBytes) throw budget.Refuse(perStream: false);
            return output;
        }
    }

    // As PdfPig's FlateFilter reads it (two header bytes skipped); damaged data ends the count, as it ends the output.
    internal static long FlateLength(ReadOnlyMemory<byte> input, DictionaryToken dictionary, int filterIndex, long most)
    {
        if (input.Length < 2) return 0;
        using var compressed = MemoryMarshal.TryGetArray(input, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset + 2, segment.Count - 2, writable: false)
            : new MemoryStream(input[2..].ToArray(), writable: false);
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long total = 0;
        try
        {
            int read;
            while (total <= most && (read = inflater.Read(buffer, 0, buffer.Length)) > 0) total += read;
        }
        catch (InvalidDataException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return total;
    }

    // The lengths of the sequences LZW codes stand for, without the sequences (ISO 32000-1, 7.4.4).
    internal static long LzwLength(ReadOnlyMemory<byte> input, DictionaryToken dictionary, int filterIndex, long most)
    {
        var parameters = DecodeParameterResolver.GetFilterParameters(dictionary, filterIndex);
        var earlyChange = parameters.TryGet<NumericToken>(NameToken.EarlyChange, out var early) && early.Int != 1 ? 0 : 1;
        var data = input.Span;
        var lengths = new int[4096];
        long total = 0;
        int next = 258, bits = 9, previous = -1;
        long position = 0;
        while (total <= most && position + bits <= (long)data.Length * 8)
        {
            var code = 0;
            for (var b = 0; b < bits; b++, position++) code = (code << 1) | ((data[(int)(position >> 3)] >> (7 - (int)(position & 7))) & 1);
            if (code == 257) break;
            if (code == 256)
            {
                (next, bits, previous) = (258, 9, -1);
                continue;
            }
            var length = code < 256 ? 1 : code < next ? lengths[code] : previous >= 0 ? Length(previous) + 1 : 0;
            if (length == 0) break;
            total += length;
            if (previous >= 0 && next < 4096)
            {
                lengths[next++] = Length(previous) + 1;
                if (next + earlyChange >= 1 << bits && bits < 12) bits++;
            }
            previous = code;

            int Length(int c) => c < 256 ? 1 : lengths[c];
        }
        return total;
    }

    // Run-length data: a length byte n below 128 copies n + 1 bytes, above 128 repeats one byte 257 - n times, 128 ends.
    internal static long RunLength(ReadOnlyMemory<byte> input, DictionaryToken dictionary, int filterIndex, long most)
    {
        var data = input.Span;
        long total = 0;
        for (var i = 0; i < data.Length && total <= most;)
        {
            var n = data[i];
            if (n == 128) break;
            if (n < 128)
            {
                total += n + 1;
                i += n + 2;
            }
            else
            {
                total += 257 - n;
                i += 2;
            }
        }
        return total;
    }
}
