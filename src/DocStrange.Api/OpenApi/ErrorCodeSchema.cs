using System.Text.Json.Nodes;
using DocStrange.Api.Contracts;
using DocStrange.Jobs.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary><c>error.code</c> is a fixed, documented set (SPEC §2), so clients can switch on it: an enum, not a free string.</summary>
internal sealed class ErrorCodeSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ApiError) && schema.Properties is { } properties && properties.TryGetValue("code", out var member) && member is OpenApiSchema code)
        {
            code.Enum = [.. ErrorCatalog.All.Select(e => (JsonNode)JsonValue.Create(e.Name))];
            code.Description = "The error's code: see /docs/errors.";
        }
        return Task.CompletedTask;
    }
}
