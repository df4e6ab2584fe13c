using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DocStrange.Bench.Submit;

/// <summary>
/// The peer of the benchmark: the least an ASP.NET Core service can do for an upload. Kestrel,
/// one minimal-API route at the same path as DocStrange's, the multipart <c>file</c> part streamed
/// to a new file on disk, 202 with a JSON id. No validation, no sniffing, no hashing, no database,
/// no logging. Run as <c>floor --urls URL --dir DIR</c>.
/// </summary>
internal static class UploadFloor
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? urls = null, dir = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--urls") urls = args[i + 1];
            else if (args[i] == "--dir") dir = args[i + 1];
        }
        if (urls is null || dir is null)
        {
            await Console.Error.WriteLineAsync("usage: floor --urls URL --dir DIR");
            return 2;
        }
        Directory.CreateDirectory(dir);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();

        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/api/v1/documents", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, request.Body);
            string? id = null;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (id is null && section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                {
                    id = Guid.NewGuid().ToString("N");
                    await using var file = new FileStream(Path.Combine(dir, id), FileMode.CreateNew, FileAccess.Write,
                        FileShare.None, 1 << 16, FileOptions.Asynchronous);
                    await section.Body.CopyToAsync(file, cancellationToken);
                }
                else
                {
                    await section.Body.DrainAsync(cancellationToken);
                }
            }
            return id is null ? Results.BadRequest() : Results.Accepted($"/api/v1/jobs/{id}", new FloorResponse(id));
        });

        await app.RunAsync();
        return 0;
    }

    private sealed record FloorResponse([property: JsonPropertyName("job_id")] string JobId);
}
