using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Intake;

/// <summary>
/// Resumable uploads kept entirely in the blob store — a manifest and one blob per chunk — so API
/// replicas stay stateless (any of them takes the next chunk) and a chunk streams to storage without
/// being held in memory. A chunk is appended only at the offset the manifest says; the manifest is
/// read again after the chunk is stored, so a chunk that raced another for the same offset is dropped.
/// </summary>
internal sealed partial class ResumableUploads(IBlobStore blobs, UploadOptions options, TimeProvider time)
{
    /// <summary>Starts an upload of <paramref name="size"/> bytes owned by <paramref name="ownerId"/>.</summary>
    public async Task<UploadManifest> CreateAsync(string ownerId, string fileName, long size, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var manifest = new UploadManifest("upl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), ownerId, fileName, size, now,
            now + options.Lifetime, []);
        await WriteAsync(manifest, cancellationToken);
        return manifest;
    }

    /// <summary>The caller's upload, or null when there is none by that id, it is another caller's, or it expired (then it is deleted).</summary>
    public async Task<UploadManifest?> FindAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        if (!IdPattern().IsMatch(id)) return null;
        var manifest = await ReadAsync(id, cancellationToken);
        if (manifest is null || manifest.OwnerId != ownerId) return null;
        if (manifest.ExpiresAt > time.GetUtcNow()) return manifest;
        await DeleteAsync(id, CancellationToken.None);
        return null;
    }

    /// <summary>
    /// Stores <paramref name="body"/> as the chunk at <paramref name="manifest"/>'s offset; returns the manifest with it,
    /// or null when another chunk took that offset meanwhile (the caller answers with the offset as it now is).
    /// </summary>
    public async Task<UploadManifest?> AppendAsync(UploadManifest manifest, Stream body, CancellationToken cancellationToken)
    {
        var offset = manifest.Offset;
        if (manifest.Chunks.Count >= options.MaxChunks)
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest, $"An upload is made of at most {options.MaxChunks} chunks; send larger chunks.",
                new Dictionary<string, object?> { ["max_chunks"] = options.MaxChunks, ["chunk_size"] = options.ChunkBytes });
        }
        var room = Math.Min(options.ChunkBytes, manifest.Size - offset);
        var bounded = new BoundedStream(body, room, () => new DocStrangeException(ErrorCode.FileTooLarge,
            room < options.ChunkBytes
                ? $"The chunk goes past the declared size of {manifest.Size} bytes: {room} bytes are left from offset {offset}."
                : $"A chunk may be at most {Sizes.Format(options.ChunkBytes)}.",
            new Dictionary<string, object?> { ["max_size"] = room, ["chunk_size"] = options.ChunkBytes, ["offset"] = offset, ["size"] = manifest.Size }));
        var key = UploadManifest.ChunkKey(manifest.Id, offset);
        long length;
        try
        {
            length = await blobs.PutAsync(key, bounded, cancellationToken);
        }
        catch
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        if (length == 0)
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            return manifest;
        }
        var latest = await ReadAsync(manifest.Id, cancellationToken);
        if (latest is null || latest.Offset != offset)
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            return null;
        }
        var appended = latest with { Chunks = [.. latest.Chunks, new UploadChunk(offset, length, key)] };
        await WriteAsync(appended, cancellationToken);
        return appended;
    }

    /// <summary>The received bytes, chunk after chunk, as one stream.</summary>
    public Stream OpenContent(UploadManifest manifest) => new ChunkSequenceStream(blobs, manifest.Chunks);

    /// <summary>Deletes the upload and its chunks.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) => blobs.DeletePrefixAsync(UploadManifest.Prefix(id), cancellationToken);

    /// <summary>The stored manifest of an upload, whoever owns it; null when there is none.</summary>
    public async Task<UploadManifest?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(UploadManifest.ManifestKey(id), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<UploadManifest>(stream, cancellationToken: cancellationToken);
    }

    private async Task WriteAsync(UploadManifest manifest, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest));
        await blobs.PutAsync(UploadManifest.ManifestKey(manifest.Id), json, cancellationToken);
    }

    [GeneratedRegex("^upl_[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
