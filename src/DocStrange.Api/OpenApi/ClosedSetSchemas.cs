using System.Text.Json.Nodes;
using DocStrange.Api.Contracts;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// Members that are strings on the wire but take a fixed, documented set of values, described as enums
/// so clients can switch on them: <c>error.code</c> (SPEC §2) and a job's <c>progress.stage</c>.
/// </summary>
internal sealed class ClosedSetSchemas : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<(Type Type, string Member), (IReadOnlyList<string> Values, string Description)> Sets = new()
    {
        [(typeof(ApiError), "code")] = ([.. ErrorCatalog.All.Select(e => e.Name)], "The error's code: see /docs/errors."),
        [(typeof(ProgressView), "stage")] = (ProgressScale.Stages, "Where the job is: queued while pending, the conversion's stages in order, done once final."),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var ((type, member), (values, description)) in Sets)
        {
            if (context.JsonTypeInfo.Type != type || schema.Properties is null || !schema.Properties.TryGetValue(member, out var found)) continue;
            if (found is not OpenApiSchema property) continue;
            property.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            property.Description = description;
        }
        return Task.CompletedTask;
    }
}
