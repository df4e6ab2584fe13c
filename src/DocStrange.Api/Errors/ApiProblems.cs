using DocStrange.Api.Contracts;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DocStrange.Api.Errors;

/// <summary>
/// The one writer of error responses (SPEC §2): RFC 9457 problem details whose <c>type</c> points at
/// the code's documentation, plus <c>error</c>, <c>request_id</c>, <c>job_id</c> and <c>timestamp</c>.
/// </summary>
public static class ApiProblems
{
    /// <summary>A problem for a code, with the code's own HTTP status unless one is given.</summary>
    public static ProblemHttpResult For(HttpContext http, ErrorCode code, string message,
        IReadOnlyDictionary<string, object?>? details = null, string? jobId = null, int? status = null)
    {
        var entry = ErrorCatalog.Get(code);
        var problem = new ProblemDetails
        {
            Type = $"/docs/errors#{entry.Name}",
            Title = entry.Title,
            Status = status ?? ErrorStatuses.Of(code),
            Detail = message,
        };
        problem.Extensions["error"] = new ApiError(entry.Name, message, details ?? new Dictionary<string, object?>());
        problem.Extensions["request_id"] = http.TraceIdentifier;
        problem.Extensions["job_id"] = jobId;
        problem.Extensions["timestamp"] = DateTimeOffset.UtcNow.UtcDateTime.ToString(UtcTimestampConverter.Format, System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(problem);
    }

    /// <summary>A problem for a <see cref="DocStrangeException"/>.</summary>
    public static ProblemHttpResult For(HttpContext http, DocStrangeException ex, string? jobId = null) =>
        For(http, ex.Code, ex.Message, ex.Details, jobId);

    /// <summary>404 <c>JOB_NOT_FOUND</c>.</summary>
    public static ProblemHttpResult JobNotFound(HttpContext http, string jobId) =>
        For(http, ServiceErrors.JobNotFound, $"There is no job '{Truncate(jobId)}'.", jobId: JobIdOrNull(jobId));

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static string? JobIdOrNull(string jobId) => Jobs.Model.JobIds.IsWellFormed(jobId) ? jobId : null;
}
