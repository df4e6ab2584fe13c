using System.Text;
using Markdig;

namespace DocStrange.Api.Endpoints;

/// <summary>
/// Serves the error reference (<c>docs/errors.md</c>, rendered once) at <c>/docs/errors</c>, the
/// address every problem response's <c>type</c> points at (<c>/docs/errors#CODE</c>).
/// </summary>
public static class ErrorDocsEndpoints
{
    /// <summary>Maps <c>/docs/errors</c> (a literal route, so it wins over the API reference's <c>/docs/{document}</c>).</summary>
    public static IEndpointRouteBuilder MapErrorDocs(this IEndpointRouteBuilder app)
    {
        var page = Encoding.UTF8.GetBytes(Render());
        app.MapGet("/docs/errors", (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Bytes(page, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static string Render()
    {
        using var stream = typeof(ErrorDocsEndpoints).Assembly.GetManifestResourceStream("docs/errors.md")!;
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().Build();
        var body = Markdown.ToHtml(reader.ReadToEnd(), pipeline);
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>DocStrange errors</title>
            <link rel="stylesheet" href="/app.css">
            </head>
            <body class="doc-page">
            <main>
            <p><a href="/">DocStrange</a> · <a href="/docs">API reference</a></p>
            {body}
            </main>
            </body>
            </html>
            """;
    }
}
