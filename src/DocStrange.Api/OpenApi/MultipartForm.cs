using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// Describes a <c>multipart/form-data</c> body that the handler reads as a stream (the file goes to
/// storage as it arrives), so no parameter describes it. Not <c>Accepts</c>: that would also make
/// routing refuse other content types with a bare 415, before the route's own 400 that says what is wrong.
/// </summary>
public static class MultipartForm
{
    public static TBuilder WithMultipartForm<TForm, TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var document = context.Document!;
            var name = typeof(TForm).Name;
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!document.Components.Schemas.ContainsKey(name))
            {
                document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(typeof(TForm), null, cancellationToken);
            }
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = new OpenApiSchemaReference(name, document) } },
            };
        });
}
