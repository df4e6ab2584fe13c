using System.Globalization;
using DocStrange.Document.Errors;

namespace DocStrange.Api.Errors;

/// <summary>
/// An error that says when to come back — a limit's <c>retry_after_seconds</c> detail — also says it
/// in the <c>Retry-After</c> header (delta-seconds), which clients and proxies act on without parsing the body.
/// </summary>
internal static class RetryAfter
{
    /// <summary>The detail that carries the wait in seconds.</summary>
    public const string Detail = "retry_after_seconds";

    public static void Apply(HttpContext http, DocStrangeException error)
    {
        if (!error.Details.TryGetValue(Detail, out var value) || value is not int seconds) return;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }
}
