using System.Reflection;

namespace DocStrange.Api.Endpoints;

/// <summary>Serves the web page (drop a file, watch it convert, preview and download) from resources inside this assembly.</summary>
public static class WebPageEndpoints
{
    private const string Prefix = "wwwroot/";

    // The page loads only its own script and style and talks only to this origin; result images are
    // fetched with the API key and shown from blob: URLs, as an <img> cannot send the key itself.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Maps <c>/</c> and every file of the page.</summary>
    public static IEndpointRouteBuilder MapWebPage(this IEndpointRouteBuilder app)
    {
        var assembly = typeof(WebPageEndpoints).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var bytes = Read(assembly, resource);
            var path = "/" + resource[Prefix.Length..];
            var contentType = ContentTypeOf(path);
            var handler = (HttpContext http) =>
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                return TypedResults.Bytes(bytes, contentType);
            };
            app.MapGet(path, handler).ExcludeFromDescription();
            if (path == "/index.html") app.MapGet("/", handler).ExcludeFromDescription();
        }
        return app;
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
