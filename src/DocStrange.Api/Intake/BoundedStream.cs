using DocStrange.Document.Errors;

namespace DocStrange.Api.Intake;

/// <summary>A request body read up to a limit: one byte more stops it with <c>FILE_TOO_LARGE</c>, so an oversized chunk is never stored whole.</summary>
internal sealed class BoundedStream(Stream inner, long limit, Func<DocStrangeException> tooLarge) : AsyncReadStream
{
    /// <summary>Bytes read so far.</summary>
    public long Count { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Count += n;
        if (Count > limit) throw tooLarge();
        return n;
    }

    public override long Position { get => Count; set => throw new NotSupportedException(); }
}
