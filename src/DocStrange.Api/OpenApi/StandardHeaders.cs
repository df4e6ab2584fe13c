using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// The headers the middleware adds to routes of <c>/api/v1</c>: <c>X-Request-ID</c> both ways on every
/// route, the rate-limit headers on every answer of a counted route (for a caller with a limit), and
/// <c>Retry-After</c> on 429 and 503.
/// </summary>
internal sealed class StandardHeaders : IOpenApiDocumentTransformer
{
    private const string RequestId = "X-Request-ID";
    private const string RetryAfter = "Retry-After";
    private static readonly string[] RateHeaders = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers = new Dictionary<string, IOpenApiHeader>
        {
            [RequestId] = Header("The request's id: the client's X-Request-ID when it sent a sane one, else req_ and 20 characters. Error bodies repeat it as request_id."),
            ["X-RateLimit-Limit"] = Header("Requests a minute the caller's tier allows (absent for an unlimited caller).", integer: true),
            ["X-RateLimit-Remaining"] = Header("Requests left in this minute.", integer: true),
            ["X-RateLimit-Reset"] = Header("Seconds until the minute's count resets.", integer: true),
            [RetryAfter] = Header("Seconds to wait before trying again.", integer: true),
        };
        document.Components.Parameters = new Dictionary<string, IOpenApiParameter>
        {
            [RequestId] = new OpenApiParameter
            {
                Name = RequestId, In = ParameterLocation.Header,
                Description = "Your id for the request (1–128 of A-Z a-z 0-9 . _ -), used in the server's logs and echoed back; another value is replaced.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z0-9._-]{1,128}$" },
            },
        };
        foreach (var (path, item) in document.Paths)
        {
            var route = path.TrimStart('/');
            if (!ApiRoutes.IsApi(route)) continue;
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                (operation.Parameters ??= []).Add(new OpenApiParameterReference(RequestId, document));
                foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
                {
                    if (response is not OpenApiResponse concrete) continue;
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers[RequestId] = new OpenApiHeaderReference(RequestId, document);
                    if (ApiRoutes.IsRateCounted(route)) foreach (var name in RateHeaders) concrete.Headers[name] = new OpenApiHeaderReference(name, document);
                    if (status is "429" or "503") concrete.Headers[RetryAfter] = new OpenApiHeaderReference(RetryAfter, document);
                }
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description, bool integer = false) => new()
    {
        Description = description,
        Schema = integer ? new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" } : new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
