using System.Net;

namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>What the server converts, its processing pools, limits and version (<c>GET /system</c>).</summary>
    public Task<SystemInfo> GetSystemAsync(CancellationToken cancellationToken = default) =>
        SendForJsonAsync<SystemInfo>(HttpMethod.Get, ApiRoot + "system", cancellationToken);

    /// <summary>
    /// The server's detailed health (<c>GET /health</c>). An unhealthy server answers 503 with the same
    /// report, which is returned (with <see cref="HealthReport.Status"/> <c>unhealthy</c>), not thrown.
    /// </summary>
    public async Task<HealthReport> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoot + "health");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var isReport = response.IsSuccessStatusCode
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Content.Headers.ContentType?.MediaType == "application/json");
        if (!isReport) throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<HealthReport>(response, cancellationToken).ConfigureAwait(false);
    }
}
