namespace DocStrange.Api.Contracts;

/// <summary>A resumable upload: how far it got (<see cref="Offset"/>: where the next chunk starts) and how large a chunk may be.</summary>
public sealed record UploadView(string UploadId, string FileName, long Size, long Offset, long ChunkSize, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    UploadLinks Links);

/// <summary>Where to send chunks, and how to finish the upload.</summary>
public sealed record UploadLinks(string Self, string Complete);

/// <summary>The body of <c>POST /uploads</c>.</summary>
/// <param name="FileName">The document's name; its extension names its type.</param>
/// <param name="Size">The whole file's size in bytes.</param>
public sealed record CreateUploadRequest(string? FileName, long? Size);
