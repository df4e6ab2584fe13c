using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>A form's file part is binary data: described in place, not as a schema named after the framework's <c>IFormFile</c>.</summary>
internal sealed class FilePartSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is null) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var described)) continue;
            if (property.PropertyType == typeof(IFormFile))
            {
                schema.Properties[property.Name] = Described(Schemas.Binary(), described);
            }
            else if (typeof(IEnumerable<IFormFile>).IsAssignableFrom(property.PropertyType))
            {
                schema.Properties[property.Name] = Described(new OpenApiSchema { Type = JsonSchemaType.Array, Items = Schemas.Binary() }, described);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Described(OpenApiSchema schema, IOpenApiSchema original)
    {
        schema.Description = original.Description;
        return schema;
    }
}
