using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Intake;

/// <summary>
/// A file on its way to becoming a job's input, stored under the input key of a job id chosen for it.
/// Disposing it deletes the blob unless <see cref="Commit"/> said a job now owns it, so a refusal at any
/// step after the file was stored (options, quota, webhook, a replay answering instead) leaves nothing behind.
/// </summary>
internal sealed class StagedInput(IBlobStore blobs, InputWriter writer) : IAsyncDisposable
{
    private bool _committed;

    /// <summary>The id the job will have.</summary>
    public string JobId { get; } = JobIds.New();

    /// <summary>Where the file is stored.</summary>
    public string BlobKey => BlobKeys.Input(JobId);

    /// <summary>The stored file; null until it is received.</summary>
    public StoredUpload? File { get; private set; }

    /// <summary>Stores <paramref name="body"/> with the intake's checks (type, content, size: <see cref="InputWriter"/>).</summary>
    public async Task<StoredUpload> ReceiveAsync(Stream body, string fileName, UploadLimit limit, CancellationToken cancellationToken)
    {
        if (File is not null) throw new InvalidOperationException("A staged input holds one file.");
        File = await writer.StoreAsync(body, fileName, BlobKey, limit, cancellationToken);
        return File;
    }

    /// <summary>A job owns the file now: it is kept.</summary>
    public void Commit() => _committed = true;

    public async ValueTask DisposeAsync()
    {
        // Deleted even when nothing was received: a write cut off part way may have left some of it.
        if (!_committed) await blobs.DeleteAsync(BlobKey, CancellationToken.None);
    }
}
