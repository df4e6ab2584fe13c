using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>A HEAD request is answered with the headers alone: none of its responses has a body to describe.</summary>
internal sealed class HeadResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsHead(context.Description.HttpMethod ?? "")) return Task.CompletedTask;
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>()) response.Content = null;
        return Task.CompletedTask;
    }
}
