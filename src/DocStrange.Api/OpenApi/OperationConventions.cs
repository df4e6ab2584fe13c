using System.Globalization;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// Describes what a handler reads or writes by hand: query values it parses from text (to answer a bad
/// one with its own error), request headers, response headers and the routes' non-JSON bodies.
/// </summary>
public static class OperationConventions
{
    /// <summary>Types and documents a query parameter (the handler takes it as text to name it in its error).</summary>
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, string name, OpenApiSchema schema, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var existing = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query);
            var parameter = existing ?? new OpenApiParameter { Name = name, In = ParameterLocation.Query };
            parameter.Schema = schema;
            parameter.Description = description;
            if (existing is null) (operation.Parameters ??= []).Add(parameter);
            return Task.CompletedTask;
        });

    /// <summary>A request header the route reads.</summary>
    public static TBuilder WithRequestHeader<TBuilder>(this TBuilder builder, string name, OpenApiSchema schema, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Header, Schema = schema, Description = description, Required = required,
            });
            return Task.CompletedTask;
        });

    /// <summary>A header of the route's answer with this status.</summary>
    public static TBuilder WithResponseHeader<TBuilder>(this TBuilder builder, int status, string name, OpenApiSchema schema, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[name] = new OpenApiHeader { Schema = schema, Description = description };
            }
            return Task.CompletedTask;
        });

    /// <summary><c>Idempotency-Key</c>: a retried submission under the same key gets the same job.</summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithRequestHeader("Idempotency-Key", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            "1–255 printable characters. The same request again under a key answers with the same job; another request under a used key is 409 IDEMPOTENCY_CONFLICT.");

    /// <summary><c>Location</c> of the answer with this status: where the made thing is followed.</summary>
    public static TBuilder AnswersLocation<TBuilder>(this TBuilder builder, int status) where TBuilder : IEndpointConventionBuilder =>
        builder.WithResponseHeader(status, "Location", Schemas.Text(), "The path of the made job or resource.");
}
