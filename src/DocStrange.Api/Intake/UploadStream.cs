using System.Security.Cryptography;
using DocStrange.Document.Errors;

namespace DocStrange.Api.Intake;

/// <summary>
/// The uploaded file as it streams to storage: the already-sniffed head first, then the rest of the
/// part; counts and hashes every byte, and stops with <c>FILE_TOO_LARGE</c> the moment the count
/// passes the limit, so an oversized upload is never stored whole.
/// </summary>
internal sealed class UploadStream(ReadOnlyMemory<byte> head, Stream rest, UploadLimit limit, string fileName) : AsyncReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ReadOnlyMemory<byte> _head = head;

    /// <summary>Bytes read so far.</summary>
    public long Count { get; private set; }

    /// <summary>The lower-case hex SHA-256 of everything read (call once, at the end).</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        if (!_head.IsEmpty)
        {
            n = Math.Min(buffer.Length, _head.Length);
            _head[..n].CopyTo(buffer);
            _head = _head[n..];
        }
        else
        {
            n = await rest.ReadAsync(buffer, cancellationToken);
        }
        Count += n;
        if (Count > limit.Bytes)
        {
            throw new DocStrangeException(ErrorCode.FileTooLarge,
                $"The file '{fileName}' is larger than allowed: {limit.Describe()}.",
                limit.Details(new Dictionary<string, object?> { ["file_name"] = fileName }));
        }
        _hash.AppendData(buffer.Span[..n]);
        return n;
    }

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
