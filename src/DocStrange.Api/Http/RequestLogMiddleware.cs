using System.Diagnostics;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Http;

/// <summary>
/// One structured line per request at Information, once it is answered: method, route template (not
/// the path), status, duration, request id, the caller's key id (never the key) and the trace id (which the
/// job's worker and webhook continue, so one id finds the request in every process). The framework's own
/// request lines are off by default (too many, and without these fields).
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        // The host routes before any middleware runs; the exception handler clears the endpoint, so it is read now.
        var endpoint = http.GetEndpoint();
        var failed = false;
        try
        {
            await next(http);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
            var milliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            Answered(logger, http.Request.Method, RouteTemplate.Of(endpoint ?? http.GetEndpoint()), status, milliseconds, http.TraceIdentifier,
                http.Features.Get<Caller>()?.KeyId, Activity.Current?.TraceId.ToHexString());
        }
    }

    [LoggerMessage(EventId = 1, EventName = "RequestAnswered", Level = LogLevel.Information,
        Message = "{method} {route} answered {status} in {duration_ms} ms (request {request_id}, key {key_id}, trace {trace_id})")]
    private static partial void Answered(ILogger logger, string method, string route, int status, double duration_ms, string request_id, string? key_id,
        string? trace_id);
}
