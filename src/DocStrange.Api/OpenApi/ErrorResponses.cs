using System.Globalization;
using System.Text.Json.Nodes;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// Describes every error a route answers: one response per status, <c>application/problem+json</c>
/// with the <see cref="ApiProblem"/> schema, its codes named and an example of each. The codes are the
/// route's own (<see cref="ErrorResponse"/> metadata) and those the middleware answers on any route it
/// guards: a bad key, the request rate, an unavailable database, an unexpected failure.
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    public const string MediaType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? "";
        if (!ApiRoutes.IsApi(path)) return;
        await EnsureProblemSchemaAsync(context, cancellationToken);
        var errors = context.Description.ActionDescriptor.EndpointMetadata.OfType<ErrorResponse>().Concat(MiddlewareErrors(path)).Distinct();
        operation.Responses ??= [];
        foreach (var status in errors.GroupBy(e => e.Status).OrderBy(g => g.Key))
        {
            var key = status.Key.ToString(CultureInfo.InvariantCulture);
            // A status the route answers with a body of its own (health's 503) keeps that description.
            if (operation.Responses.ContainsKey(key)) continue;
            var entries = status.Select(e => ErrorCatalog.Get(e.Code)).ToList();
            operation.Responses[key] = new OpenApiResponse
            {
                Description = string.Join("; ", entries.Select(e => $"{e.Name}: {e.Title.ToLowerInvariant()}")) + ".",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [MediaType] = new()
                    {
                        Schema = new OpenApiSchemaReference(nameof(ApiProblem), context.Document),
                        Examples = entries.ToDictionary(e => e.Name, e => (IOpenApiExample)Example(e, status.Key)),
                    },
                },
            };
        }
    }

    private static IEnumerable<ErrorResponse> MiddlewareErrors(string path)
    {
        // A request the server cannot read (framing, headers, a body past any limit) is refused on any route.
        yield return new(ErrorCode.InvalidRequest, ErrorStatuses.Of(ErrorCode.InvalidRequest));
        if (!ApiRoutes.IsOpen(path)) yield return new(ServiceErrors.InvalidApiKey, ErrorStatuses.Of(ServiceErrors.InvalidApiKey));
        if (ApiRoutes.IsRateCounted(path)) yield return new(ServiceErrors.RateLimitExceeded, ErrorStatuses.Of(ServiceErrors.RateLimitExceeded));
        if (!ApiRoutes.IsOpen(path)) yield return new(ServiceErrors.ServiceUnavailable, ErrorStatuses.Of(ServiceErrors.ServiceUnavailable));
        yield return new(ServiceErrors.InternalError, ErrorStatuses.Of(ServiceErrors.InternalError));
    }

    private static async Task EnsureProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(nameof(ApiProblem))) return;
        if (!document.Components.Schemas.ContainsKey(nameof(ApiError)))
        {
            document.Components.Schemas[nameof(ApiError)] = await context.GetOrCreateSchemaAsync(typeof(ApiError), null, cancellationToken);
        }
        var problem = await context.GetOrCreateSchemaAsync(typeof(ApiProblem), null, cancellationToken);
        // The error member is the ApiError that batch answers use too: one schema, referenced.
        problem.Properties!["error"] = new OpenApiSchemaReference(nameof(ApiError), document);
        document.Components.Schemas[nameof(ApiProblem)] = problem;
    }

    private static OpenApiExample Example(ErrorCatalog.Entry entry, int status) => new()
    {
        Summary = entry.Title,
        Value = new JsonObject
        {
            ["type"] = $"/docs/errors#{entry.Name}",
            ["title"] = entry.Title,
            ["status"] = status,
            ["detail"] = $"{entry.Title}.",
            ["error"] = new JsonObject { ["code"] = entry.Name, ["message"] = $"{entry.Title}.", ["details"] = new JsonObject() },
            ["request_id"] = "req_0123456789abcdefghij",
            ["job_id"] = null,
            ["timestamp"] = "2026-01-01T00:00:00.000Z",
        },
    };
}
