namespace DocStrange.Jobs.Ports;

/// <summary>
/// Optional capability of a blob store whose leftovers the service deletes itself: the keys it holds
/// under a prefix, for sweeps of expired resumable uploads. Registered by the local folder store; an
/// S3 bucket registers none, because its lifecycle rule (<c>deploy/s3/lifecycle.json</c>) expires them.
/// </summary>
public interface IBlobKeyListing
{
    /// <summary>The keys of the stored blobs under <paramref name="prefix"/> (a folder key ending in <c>/</c>).</summary>
    IEnumerable<string> ListKeys(string prefix);
}
