namespace DocStrange.Api.Http;

/// <summary>
/// Tells a body that cannot be parsed from a server that cannot cope. The ASP.NET Core readers report
/// the caller's mistakes as <see cref="InvalidDataException"/> (a form or part header that breaks the
/// rules or the limits) or <see cref="IOException"/> (a multipart body that ends before its closing
/// boundary). Kestrel's own refusals are <see cref="BadHttpRequestException"/>, an
/// <see cref="IOException"/> too, and keep the status Kestrel chose (413 for a body over the limit).
/// </summary>
internal static class MalformedBody
{
    /// <summary>Whether <paramref name="exception"/>, thrown while a request body was read, is the body's fault.</summary>
    public static bool IsCause(Exception exception) =>
        exception is InvalidDataException || exception is IOException and not BadHttpRequestException;

    /// <summary>
    /// Whether <paramref name="exception"/> is Kestrel refusing the request's framing without a
    /// <see cref="BadHttpRequestException"/>: a chunk size too large for a number (<c>ffffffffffffffff</c>)
    /// is a plain <see cref="IOException"/> thrown by its chunked-body reader, which reaches whatever
    /// read the body.
    /// </summary>
    public static bool IsKestrelFramingFault(Exception exception) =>
        exception is IOException and not BadHttpRequestException
        && exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;
}
