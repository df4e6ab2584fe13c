namespace DocStrange.Api.Http;

/// <summary>
/// The route a request matched, as its template (<c>/api/v1/jobs/{id}</c>): what metrics and request logs
/// name, never the raw path, so ids and queries never become labels or log fields.
/// </summary>
public static class RouteTemplate
{
    /// <summary>The name of a request that matched no endpoint.</summary>
    public const string Unmatched = "unmatched";

    public static string Of(Endpoint? endpoint) => endpoint is RouteEndpoint { RoutePattern.RawText: { } template } ? template : Unmatched;
}
