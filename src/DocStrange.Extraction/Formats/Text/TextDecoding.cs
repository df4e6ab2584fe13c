using System.Text;

namespace DocStrange.Extraction.Formats.Text;

/// <summary>
/// Finds the encoding of a text file: a byte-order mark says it; otherwise UTF-8 when every byte
/// sequence is valid UTF-8, else Latin-1 (ISO-8859-1), which decodes any byte and is what most
/// non-UTF-8 Western files are close to. The stream is read once and left where it was.
/// </summary>
public static class TextDecoding
{
    /// <summary>What <see cref="SniffAsync"/> found.</summary>
    /// <param name="Encoding">The encoding to decode with.</param>
    /// <param name="FromByteOrderMark">Whether a byte-order mark named it (and so it is certain).</param>
    public sealed record Result(Encoding Encoding, bool FromByteOrderMark);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>The encoding of the rest of <paramref name="input"/> (seekable); its position is restored.</summary>
    public static async Task<Result> SniffAsync(Stream input, CancellationToken cancellationToken)
    {
        var start = input.Position;
        try
        {
            var bom = new byte[4];
            var read = await input.ReadAtLeastAsync(bom, bom.Length, throwOnEndOfStream: false, cancellationToken);
            if (FromBom(bom.AsSpan(0, read)) is { } named) return new Result(named, true);
            input.Position = start;
            return new Result(await IsUtf8Async(input, cancellationToken) ? new UTF8Encoding(false) : Encoding.Latin1, false);
        }
        finally
        {
            input.Position = start;
        }
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(true),
        [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(false, true),
        [0xFF, 0xFE, ..] => new UnicodeEncoding(false, true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(true, true),
        _ => null,
    };

    private static async Task<bool> IsUtf8Async(Stream input, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = await input.ReadAsync(bytes, cancellationToken)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
