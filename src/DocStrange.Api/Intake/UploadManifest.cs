namespace DocStrange.Api.Intake;

/// <summary>
/// The state of a resumable upload, kept as a blob beside its chunks (<c>uploads/&lt;id&gt;/manifest.json</c>) so
/// any API replica can take the next chunk: whose it is, the file it will be, and the chunks received so far.
/// </summary>
internal sealed record UploadManifest(string Id, string OwnerId, string FileName, long Size, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    IReadOnlyList<UploadChunk> Chunks)
{
    /// <summary>The bytes received so far: where the next chunk starts.</summary>
    public long Offset => Chunks.Sum(c => c.Length);

    /// <summary>Where everything of an upload is stored.</summary>
    public static string Prefix(string id) => $"uploads/{id}/";

    /// <summary>The manifest's key.</summary>
    public static string ManifestKey(string id) => $"uploads/{id}/manifest.json";

    /// <summary>A new chunk's key: its offset, and a random part so a racing writer of the same offset never overwrites another's chunk.</summary>
    public static string ChunkKey(string id, long offset) => $"uploads/{id}/chunk-{offset:D13}-{Guid.NewGuid():N}";
}

/// <summary>One received chunk: where it starts, how long it is, and its blob.</summary>
internal sealed record UploadChunk(long Offset, long Length, string Key);
