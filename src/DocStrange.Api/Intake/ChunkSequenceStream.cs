using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Intake;

/// <summary>
/// An upload's chunks read as one stream, one blob open at a time, each checked to be as long as the
/// manifest says (a chunk that is not is a storage fault, not the caller's file).
/// </summary>
internal sealed class ChunkSequenceStream(IBlobStore blobs, IReadOnlyList<UploadChunk> chunks) : AsyncReadStream
{
    private int _next;
    private Stream? _current;
    private long _readFromCurrent;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next == chunks.Count) return 0;
                _current = await blobs.OpenReadAsync(chunks[_next].Key, cancellationToken)
                    ?? throw new IOException($"Chunk {chunks[_next].Key} of the upload is missing from storage.");
                _readFromCurrent = 0;
            }
            var n = await _current.ReadAsync(buffer, cancellationToken);
            if (n > 0)
            {
                _readFromCurrent += n;
                return n;
            }
            if (_readFromCurrent != chunks[_next].Length) throw new IOException($"Chunk {chunks[_next].Key} has {_readFromCurrent} bytes, not {chunks[_next].Length}.");
            await _current.DisposeAsync();
            _current = null;
            _next++;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null) await _current.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _current?.Dispose();
        base.Dispose(disposing);
    }
}
