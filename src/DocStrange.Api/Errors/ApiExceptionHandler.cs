using DocStrange.Api.Http;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Diagnostics;

namespace DocStrange.Api.Errors;

/// <summary>
/// The boundary of every request: a <see cref="DocStrangeException"/> becomes its problem response;
/// a request Kestrel refused (body too large, malformed, a chunk size past any number) becomes a client error; a dependency away or
/// a full disk becomes 503; anything else is logged with its stack and answered as
/// <c>INTERNAL_ERROR</c> without internal text.
/// </summary>
internal sealed class ApiExceptionHandler(IStorageFailureClassifier storageFailures, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            DocStrangeException ex => ApiProblems.For(http, ex),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.For(http, ErrorCode.FileTooLarge,
                "The request body is larger than this server accepts."),
            BadHttpRequestException ex => ApiProblems.For(http, ErrorCode.InvalidRequest, "The request could not be read: it is malformed or incomplete.",
                status: ex.StatusCode),
            IOException ex when MalformedBody.IsKestrelFramingFault(ex) => ApiProblems.For(http, ErrorCode.InvalidRequest,
                "The request could not be read: it is malformed or incomplete."),
            _ => Outage(http, exception),
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            result = ApiProblems.For(http, ServiceErrors.InternalError, "Something went wrong on our side; the request id identifies it in our logs.");
        }
        if (http.Response.HasStarted) return false;
        if (exception is DocStrangeException { } limited) RetryAfter.Apply(http, limited);
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>
    /// A dependency that is away, or a disk that is full: 503 with <c>Retry-After</c>, and the cause in
    /// the log. A full disk is not freed in seconds, so its clients are asked to wait longer.
    /// </summary>
    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Outage(HttpContext http, Exception exception)
    {
        if (storageFailures.Classify(exception) is not { } failure) return null;
        logger.LogError(exception, "Dependency failure on {Method} {Path}", http.Request.Method, http.Request.Path);
        var full = failure == StorageFailure.OutOfSpace;
        var code = failure is StorageFailure.DatabaseUnavailable or StorageFailure.DatabaseDamaged ? ServiceErrors.ServiceUnavailable : ServiceErrors.StorageError;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.RetryAfter = full ? "60" : "5";
            return Task.CompletedTask;
        });
        var message = full ? "The server has no room to store files right now; try again later."
            : code == ServiceErrors.ServiceUnavailable ? "The job database is not answering; try again shortly."
            : "The file store is not answering; try again shortly.";
        return ApiProblems.For(http, code, message, status: StatusCodes.Status503ServiceUnavailable);
    }
}
