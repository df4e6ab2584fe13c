using System.Security.Cryptography;
using DocStrange.Jobs.Logging;

namespace DocStrange.Api.Http;

/// <summary>
/// Gives every request an id: the client's <c>X-Request-ID</c> when it is sane (1–128 of
/// <c>[A-Za-z0-9._-]</c>), otherwise <c>req_</c> + 20 random characters. The id is the request's
/// <see cref="HttpContext.TraceIdentifier"/>, sent back on the response and put in the log scope.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-ID";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public async Task InvokeAsync(HttpContext http)
    {
        var given = http.Request.Headers[Header].ToString();
        var id = IsSane(given) ? given : "req_" + RandomNumberGenerator.GetString(Alphabet, 20);
        http.TraceIdentifier = id;
        // Set as the response starts: the error boundary clears headers set earlier.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new LogFields(("request_id", id))))
        {
            await next(http);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
