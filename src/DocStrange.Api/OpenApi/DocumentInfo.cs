using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// The document's title, description, tags and server. The server is this one, relative (<c>/</c>), so
/// the document is right behind any proxy or host name, and generated clients take their base URL.
/// </summary>
internal sealed class DocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "DocStrange API";
        document.Info.Description =
            "Documents in, Markdown / JSON / HTML / CSV / text out, through asynchronous jobs: submit a file, follow its job " +
            "(poll, long-poll with ?wait=, or Server-Sent Events), then fetch the result. Errors are application/problem+json " +
            "with a stable error.code (see /docs/errors).";
        document.Servers = [new OpenApiServer { Url = "/", Description = "This DocStrange server (the paths start at its root)." }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "DocStrange", Description = "Submitting documents, following their jobs, fetching results, and the service's state." },
            new() { Name = "Admin", Description = "Managing API keys with the server's admin key." },
        };
        return Task.CompletedTask;
    }
}
