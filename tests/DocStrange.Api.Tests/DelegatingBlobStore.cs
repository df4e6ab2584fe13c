using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Tests;

/// <summary>A blob store that passes every call to the real one; tests override the calls they want to fail or slow down.</summary>
internal class DelegatingBlobStore(IBlobStore inner) : IBlobStore
{
    public virtual Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

    public virtual Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken) =>
        inner.CopyAsync(sourceKey, destinationKey, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken) => inner.DeletePrefixAsync(prefix, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
