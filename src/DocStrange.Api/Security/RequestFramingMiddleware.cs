using DocStrange.Document.Errors;

namespace DocStrange.Api.Security;

/// <summary>
/// Refuses a request that gives both <c>Content-Length</c> and <c>Transfer-Encoding</c>, before a byte of
/// its body is read. Kestrel frames such a request by its transfer coding and closes the connection
/// after it, as RFC 9112 allows; but a proxy in front may have framed the same bytes by the length, and
/// when the two disagree on where a request ends, a second request can be smuggled inside the first.
/// RFC 9112 §6.3 says such a message ought to be handled as an error: here it is a 400.
/// </summary>
internal sealed class RequestFramingMiddleware(RequestDelegate next)
{
    /// <summary>Where Kestrel moves the <c>Content-Length</c> it drops from a request that also has a transfer coding.</summary>
    private const string DroppedContentLength = "X-Content-Length";

    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        if (headers.TransferEncoding.Count > 0 && (headers.ContentLength is not null || headers.ContainsKey(DroppedContentLength)))
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest,
                "The request has both Content-Length and Transfer-Encoding, which disagree on where its body ends: send only one of them.");
        }
        return next(http);
    }
}
