using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// Schemas typed as the server writes them. The serializer reads numbers from strings too (the web
/// defaults), which the generator describes as <c>["integer","string"]</c> with a pattern; the server
/// never writes a number as a string, so the string is dropped. Times go through the API's own
/// converter, which leaves them without a type: they are RFC 3339 strings. Enums of names get theirs, and maps of any values say that they hold some.
/// </summary>
internal sealed class WireTypeSchemas : IOpenApiSchemaTransformer
{
    private const JsonSchemaType Numeric = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (schema.Format == "date-time" && schema.Type is null)
        {
            var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        if (schema.Type is null && schema.Enum is { Count: > 0 } values && values.All(v => v is null || v.GetValueKind() == JsonValueKind.String))
        {
            // An enum of names. The generator adds null to it when it first meets the enum as nullable, which then holds for
            // every use of the shared schema: a nullable member says so itself (oneOf with null), and a form field is left out instead.
            schema.Enum = [.. values.Where(v => v is not null)];
            schema.Type = JsonSchemaType.String;
        }
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Dictionary && schema.AdditionalProperties is null)
        {
            // A map of any JSON values (an error's details): said so, or clients see an object with no members at all.
            schema.AdditionalProperties = new OpenApiSchema();
        }
        return Task.CompletedTask;
    }
}
