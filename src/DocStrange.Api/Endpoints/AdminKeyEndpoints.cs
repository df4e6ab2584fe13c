using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Errors;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>Managing API keys with the admin key: create, list, revoke, rotate.</summary>
public static class AdminKeyEndpoints
{
    /// <summary>Maps <c>/admin/keys</c>, every route behind the admin key.</summary>
    public static RouteGroupBuilder MapAdminKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/admin/keys").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>();
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Make a key; the answer shows its secret, once.");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Every key, newest first, without secrets.");
        keys.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke a key: it stops working at once.");
        keys.MapPost("/{id}/rotate", RotateAsync).WithName("RotateApiKey")
            .WithSummary("Give a key a new secret (shown once); the old one stops working, the key's jobs stay its own.");
        return api;
    }

    internal static async Task<Created<ApiKeyView>> CreateAsync(CreateApiKeyRequest request, ApiKeyIssuer issuer, TimeProvider time,
        CancellationToken cancellationToken)
    {
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

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        ApiProblems.For(http, ErrorCode.InvalidRequest, $"There is no API key '{(id.Length <= 64 ? id : id[..64] + "…")}'.",
            new Dictionary<string, object?> { ["key_id"] = ApiKeySecrets.IsWellFormedId(id) ? id : null }, status: StatusCodes.Status404NotFound);
}
