using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace DocStrange.Api.Errors;

/// <summary>Bodies for bare status codes the routing layer answers by itself (no such route, wrong method).</summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var message = status switch
        {
            StatusCodes.Status404NotFound => $"There is no route {http.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => "The request's content type is not accepted here.",
            _ => $"The request failed with status {status}.",
        };
        var code = status >= 500 ? ServiceErrors.InternalError : ErrorCode.InvalidRequest;
        await ApiProblems.For(http, code, message, status: status).ExecuteAsync(http);
    }
}
