using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Api.Http;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace DocStrange.Api.Endpoints;

/// <summary>Managing API keys with the admin key: create, list, revoke, rotate.</summary>
public static class AdminKeyEndpoints
{
    /// <summary>Maps <c>/admin/keys</c>, every route behind the admin key.</summary>
    public static RouteGroupBuilder MapAdminKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/admin/keys").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>();
        // The body is read by the handler, after the admin key is checked: not bound (and parsed) before the filter runs.
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Make a key; the answer shows its secret, once.")
            .AddOpenApiOperationTransformer(DescribeCreateBodyAsync).AnswersLocation(StatusCodes.Status201Created)
            .ProducesErrors(ErrorCode.InvalidRequest);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Every key, newest first, without secrets.");
        keys.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke a key: it stops working at once.")
            .ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status404NotFound);
        keys.MapPost("/{id}/rotate", RotateAsync).WithName("RotateApiKey")
            .WithSummary("Give a key a new secret (shown once); the old one stops working, the key's jobs stay its own.")
            .ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status404NotFound).ProducesError(ErrorCode.InvalidRequest, StatusCodes.Status409Conflict);
        return api;
    }

    internal static async Task<Created<ApiKeyView>> CreateAsync(HttpContext http, IOptions<JsonOptions> json, ApiKeyIssuer issuer, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<CreateApiKeyRequest>(http.Request, json.Value.SerializerOptions, cancellationToken);
        var issued = await issuer.CreateAsync(new ApiKeyRequest(request.Name ?? "", request.Owner, request.Tier, request.ExpiresAt, request.Limits),
            cancellationToken);
        return TypedResults.Created($"/api/v1/admin/keys/{issued.Key.Id}", ApiKeyView.From(issued.Key, time.GetUtcNow()) with { Key = issued.Secret });
    }

    internal static async Task<Ok<ApiKeyListView>> ListAsync(IApiKeyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ApiKeyListView([.. (await store.ListAsync(cancellationToken)).Select(k => ApiKeyView.From(k, now))]));
    }

    internal static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, IApiKeyStore store, ApiKeyAuthenticator authenticator, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = ApiKeySecrets.IsWellFormedId(id)
            ? await store.RevokeAsync(id, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), cancellationToken)
            : null;
        if (revoked is null) return NotFound(http, id);
        authenticator.Forget(id);
        return TypedResults.Ok(ApiKeyView.From(revoked, now));
    }

    internal static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RotateAsync(
        string id, HttpContext http, IApiKeyStore store, ApiKeyIssuer issuer, ApiKeyAuthenticator authenticator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.IsWellFormedId(id)) return NotFound(http, id);
        var issued = await issuer.RotateAsync(id, cancellationToken);
        if (issued is null)
        {
            return await store.GetAsync(id, cancellationToken) is null
                ? NotFound(http, id)
                : ApiProblems.For(http, ErrorCode.InvalidRequest, "A revoked key cannot be rotated; create a new key.",
                    new Dictionary<string, object?> { ["key_id"] = id }, status: StatusCodes.Status409Conflict);
        }
        // The old secret must stop working here at once, not when the cached look-up runs out.
        authenticator.Forget(id);
        return TypedResults.Ok(ApiKeyView.From(issued.Key, time.GetUtcNow()) with { Key = issued.Secret });
    }

    /// <summary>The JSON body of <c>POST /admin/keys</c> in the OpenAPI document, since no handler parameter describes it.</summary>
    private static async Task DescribeCreateBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(CreateApiKeyRequest), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        ApiProblems.For(http, ErrorCode.InvalidRequest, $"There is no API key '{(id.Length <= 64 ? id : id[..64] + "…")}'.",
            new Dictionary<string, object?> { ["key_id"] = ApiKeySecrets.IsWellFormedId(id) ? id : null }, status: StatusCodes.Status404NotFound);
}
