using Microsoft.AspNetCore.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>Registers the OpenAPI document and the transformers that make it say exactly what the server does.</summary>
public static class OpenApiRegistration
{
    public static IServiceCollection AddDocStrangeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<WireTypeSchemas>();
            options.AddSchemaTransformer<ClosedSetSchemas>();
            options.AddSchemaTransformer<FilePartSchemas>();
            options.AddOperationTransformer<ErrorResponses>();
            options.AddOperationTransformer<HeadResponses>();
            options.AddDocumentTransformer<DocumentInfo>();
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddDocumentTransformer<StandardHeaders>();
            options.AddDocumentTransformer<UnusedSchemas>();
        });
}
