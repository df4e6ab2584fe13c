namespace DocStrange.Api.OpenApi;

/// <summary>
/// What the middleware does to a route, read from its path as the middleware reads it: whether it
/// takes a caller's key (<c>CallerMiddleware</c>), the admin key, and counts against the request rate
/// (<c>RequestRateMiddleware</c>). Paths are the API description's, without the leading slash.
/// </summary>
internal static class ApiRoutes
{
    private const string Prefix = "api/v1/";

    public static bool IsApi(string path) => path.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Health and metrics: no key, no rate.</summary>
    public static bool IsOpen(string path) => IsApi(path) && (Under(path, "health") || Under(path, "metrics"));

    public static bool IsAdmin(string path) => IsApi(path) && Under(path, "admin");

    /// <summary>Routes that take a caller's API key (or none, where anonymous callers are allowed).</summary>
    public static bool TakesCallerKey(string path) => IsApi(path) && !IsOpen(path) && !IsAdmin(path);

    public static bool IsRateCounted(string path) => IsApi(path) && !IsOpen(path);

    private static bool Under(string path, string segment)
    {
        var rest = path[Prefix.Length..];
        return rest == segment || rest.StartsWith(segment + "/", StringComparison.Ordinal);
    }
}
