namespace DocStrange.Jobs.Ports;

/// <summary>
/// Where inputs and results are kept (a local folder, or an S3 bucket), addressed by keys from
/// <see cref="BlobKeys"/>. Streams both ways; never whole files in memory.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes <paramref name="content"/> under <paramref name="key"/>, replacing what was there; returns the bytes written.</summary>
    Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens the blob for reading, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Copies a blob to another key inside the store (the store copies it itself where it can, so the
    /// bytes need not pass through this process); false when the source is missing.
    /// </summary>
    Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken);

    /// <summary>Deletes the blob under exactly <paramref name="key"/>; nothing happens when there is none.</summary>
    /// <remarks>One request to an object store, where deleting a prefix has to list it first.</remarks>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every blob whose key starts with <paramref name="prefix"/>.</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Checks the store answers.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
