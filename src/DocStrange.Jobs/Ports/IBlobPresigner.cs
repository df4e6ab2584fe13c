namespace DocStrange.Jobs.Ports;

/// <summary>
/// Optional capability of a blob store: time-limited GET links that fetch a blob straight from the
/// store, so its bytes need not pass through the API. Registered only where the store can sign links
/// and the operator asked for them (an S3 bucket with <c>DocStrange:S3:PresignResults</c>); absent,
/// results are served by the API's own route.
/// </summary>
public interface IBlobPresigner
{
    /// <summary>
    /// A link to the blob under <paramref name="key"/>; its answer carries <paramref name="contentType"/>
    /// and <paramref name="contentDisposition"/> when given, since blobs are stored without them.
    /// </summary>
    Task<string> PresignAsync(string key, string? contentType = null, string? contentDisposition = null);
}
