namespace DocStrange.Api.Tests;

/// <summary>
/// A stored blob read through a gate: the first <c>holdAfter</c> bytes come at once, the rest only
/// after <see cref="Release"/>. A reader that needs the whole blob before it answers waits at the gate.
/// </summary>
internal sealed class HeldBackStream(Stream inner, long holdAfter) : Stream
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _served;

    /// <summary>Lets the rest of the blob through.</summary>
    public void Release() => _released.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var served = Interlocked.Read(ref _served);
        if (served >= holdAfter) await _released.Task.WaitAsync(cancellationToken);
        else buffer = buffer[..(int)Math.Min(buffer.Length, holdAfter - served)];
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Interlocked.Add(ref _served, read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
