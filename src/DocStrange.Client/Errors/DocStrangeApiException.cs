using System.Net;
using System.Text.Json;

namespace DocStrange.Client;

/// <summary>
/// The server answered a call with an error. <see cref="Code"/> is the code to act on (see
/// <see cref="ErrorCodes"/>); an error answer that is not a DocStrange problem body (a proxy's 502 page,
/// say) has the code <see cref="ErrorCodes.UnexpectedResponse"/>.
/// </summary>
public sealed class DocStrangeApiException : Exception
{
    /// <summary>An exception for one error answer.</summary>
    public DocStrangeApiException(string code, string message, HttpStatusCode statusCode, string? requestId = null,
        string? jobId = null, IReadOnlyDictionary<string, JsonElement>? details = null, string? traceId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
        RequestId = requestId;
        JobId = jobId;
        Details = details ?? new Dictionary<string, JsonElement>();
        TraceId = traceId;
    }

    /// <summary>The error code (<c>FILE_TOO_LARGE</c>, ...; <see cref="ErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request's id (body's <c>request_id</c>, else the <c>X-Request-ID</c> header); quote it when reporting a problem.</summary>
    public string? RequestId { get; }

    /// <summary>The job concerned, when the server named one.</summary>
    public string? JobId { get; }

    /// <summary>Structured facts about the error (<c>error.details</c>); empty when there are none.</summary>
    public IReadOnlyDictionary<string, JsonElement> Details { get; }

    /// <summary>The W3C trace context the server reported, if any.</summary>
    public string? TraceId { get; }
}
