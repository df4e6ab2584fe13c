using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Intake;

/// <summary>
/// Writes an incoming file to the blob store the one way every route does (upload, batch, sync, from-url,
/// resumable), through <see cref="StagedInput"/>: type accepted, first bytes agreeing with it, not empty,
/// not over the limit, SHA-256 computed as it streams. The caller's file name is metadata only, never a path.
/// </summary>
internal sealed class InputWriter(IBlobStore blobs, AcceptedFileTypes types)
{
    /// <summary>
    /// Stores <paramref name="body"/> under <paramref name="blobKey"/> after checking its name (<see cref="AcceptedFileTypes"/>) and its
    /// first bytes; counts and hashes it on the way and stops at <paramref name="limit"/> bytes (a refusal names the tier when the limit is
    /// the tier's). Throws <c>INVALID_FILE_TYPE</c>, <c>FILE_EMPTY</c> or <c>FILE_TOO_LARGE</c>.
    /// </summary>
    public async Task<StoredUpload> StoreAsync(Stream body, string fileName, string blobKey, UploadLimit limit, CancellationToken cancellationToken)
    {
        var kind = types.Of(fileName);

        var head = new byte[FileSniffer.HeadLength];
        var headLength = 0;
        int read;
        while (headLength < head.Length && (read = await body.ReadAsync(head.AsMemory(headLength), cancellationToken)) > 0) headLength += read;
        if (headLength == 0)
        {
            throw new DocStrangeException(ErrorCode.FileEmpty, $"'{fileName}' is empty.", new Dictionary<string, object?> { ["file_name"] = fileName });
        }
        if (!FileSniffer.Agrees(kind, head.AsSpan(0, headLength)))
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType,
                $"The content of '{fileName}' is not {FileKinds.NameOf(kind).ToUpperInvariant()}, whatever its name says.",
                new Dictionary<string, object?> { ["file_name"] = fileName, ["file_type"] = FileKinds.NameOf(kind) });
        }

        await using var upload = new UploadStream(head.AsMemory(0, headLength), body, limit, fileName);
        var size = await blobs.PutAsync(blobKey, upload, cancellationToken);
        return new StoredUpload(fileName, kind, size, upload.Sha256());
    }
}
