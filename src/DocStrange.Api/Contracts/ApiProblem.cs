namespace DocStrange.Api.Contracts;

/// <summary>
/// The body of every error response (<c>application/problem+json</c>): the RFC 9457 members and
/// DocStrange's own. <c>ApiProblems</c> writes it; this record describes it to clients.
/// </summary>
/// <param name="Type">Where the code is documented: <c>/docs/errors#CODE</c>.</param>
/// <param name="Title">The code's title.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What went wrong, for people.</param>
/// <param name="Error">The code clients act on, the message and safe details.</param>
/// <param name="RequestId">The request's id, also in the <c>X-Request-ID</c> header.</param>
/// <param name="JobId">The job concerned, if any.</param>
/// <param name="Timestamp">When the error was answered.</param>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, ApiError Error, string RequestId, string? JobId, DateTimeOffset Timestamp)
{
    /// <summary>The W3C trace id of the request, when it is traced.</summary>
    public string? TraceId { get; init; }
}
