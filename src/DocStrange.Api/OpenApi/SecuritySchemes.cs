using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// The two ways to send a key (<c>Authorization: Bearer</c> or <c>X-API-Key</c>), and which key each
/// route takes: a caller's key (optional while this server allows anonymous callers), the admin key,
/// or none for health and metrics.
/// </summary>
internal sealed class SecuritySchemes(TiersOptions tiers) : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string ApiKeyHeader = "api_key";
    public const string AdminBearer = "admin_bearer";
    public const string AdminApiKeyHeader = "admin_api_key";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = BearerScheme("An API key (ds_live_…) as a bearer token."),
            [ApiKeyHeader] = HeaderScheme("An API key (ds_live_…) in the X-API-Key header."),
            [AdminBearer] = BearerScheme("The server's admin key as a bearer token."),
            [AdminApiKeyHeader] = HeaderScheme("The server's admin key in the X-API-Key header."),
        };
        foreach (var (path, item) in document.Paths)
        {
            var route = path.TrimStart('/');
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Security = ApiRoutes.IsOpen(route) ? []
                    : ApiRoutes.IsAdmin(route) ? [Requirement(document, AdminBearer), Requirement(document, AdminApiKeyHeader)]
                    : [Requirement(document, Bearer), Requirement(document, ApiKeyHeader), .. tiers.AllowAnonymous ? [new OpenApiSecurityRequirement()] : Array.Empty<OpenApiSecurityRequirement>()];
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme BearerScheme(string description) =>
        new() { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = description };

    private static OpenApiSecurityScheme HeaderScheme(string description) =>
        new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-API-Key", Description = description };

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
