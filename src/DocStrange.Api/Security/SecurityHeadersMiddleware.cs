using System.Globalization;

namespace DocStrange.Api.Security;

/// <summary>
/// Puts the headers that keep browsers from misusing responses on every answer, errors included:
/// no MIME sniffing, no referrer, no framing, no cross-origin embedding or window sharing, and
/// <c>Strict-Transport-Security</c> when the request came over HTTPS (as the trusted proxy says).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, HardeningOptions options)
{
    private readonly string? _hsts = options.HstsMaxAge > TimeSpan.Zero
        ? "max-age=" + ((long)options.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)
        : null;

    public Task InvokeAsync(HttpContext http)
    {
        var https = http.Request.IsHttps;
        // Set as the response starts: the error boundary clears headers set earlier.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Governs no-cors embedding (<img>, <script>) only; CORS requests from allowed origins still work.
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // Only over HTTPS: a browser ignores it on plain HTTP, and sending it there would invite a downgrade-less lock-out.
            if (https && _hsts is not null) headers.StrictTransportSecurity = _hsts;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
