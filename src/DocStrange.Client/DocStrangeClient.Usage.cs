namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>Your documents, pages, bytes and processing time this UTC day and month, against your tier's limits (<c>GET /usage</c>).</summary>
    public Task<Usage> GetUsageAsync(CancellationToken cancellationToken = default) =>
        SendForJsonAsync<Usage>(HttpMethod.Get, ApiRoot + "usage", cancellationToken);
}
