using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// Drops component schemas nothing refers to: those the generator made for what a transformer
/// described anew (the .NET wrapper of a server-sent event), so clients generate no type that is never sent.
/// </summary>
internal sealed partial class UnusedSchemas : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        // Removing one can leave another unreferenced (a schema only it used): again until nothing changes.
        while (true)
        {
            var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
            var used = Reference().Matches(json).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var unused = schemas.Keys.Where(name => !used.Contains(name)).ToList();
            if (unused.Count == 0) return;
            foreach (var name in unused) schemas.Remove(name);
        }
    }

    [GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex Reference();
}
