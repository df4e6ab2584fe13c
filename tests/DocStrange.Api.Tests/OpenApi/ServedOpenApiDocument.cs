using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests.OpenApi;

/// <summary>The OpenAPI document as a server answers it, with helpers to walk its operations and references.</summary>
internal sealed record ServedOpenApiDocument(JsonElement Root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static async Task<ServedOpenApiDocument> FetchAsync(ApiFactory factory) =>
        new(await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json"));

    public JsonElement Paths => Root.GetProperty("paths");

    public JsonElement Schemas => Root.GetProperty("components").GetProperty("schemas");

    /// <summary>Every operation: method, path and the operation object.</summary>
    public IEnumerable<(string Method, string Path, JsonElement Operation)> Operations() =>
        from path in Paths.EnumerateObject()
        from member in path.Value.EnumerateObject()
        where Methods.Contains(member.Name)
        select (member.Name, path.Name, member.Value);

    public JsonElement Operation(string method, string path) => Paths.GetProperty(path).GetProperty(method);

    /// <summary>The element a local <c>$ref</c> names, or the element itself when it is not a reference.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            element = Root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) element = element.GetProperty(part);
        }
        return element;
    }

    /// <summary>Every schema object anywhere in the document (each nested one too), to check rules that hold for all.</summary>
    public IEnumerable<JsonElement> AllSchemas() => Descend(Root).Where(e => e.ValueKind == JsonValueKind.Object
        && (Is(e, "type", JsonValueKind.String) || Is(e, "type", JsonValueKind.Array) || Is(e, "format", JsonValueKind.String) || Is(e, "enum", JsonValueKind.Array)));

    // A schema's keyword, not a member named like one ("type" in a list of properties is a schema).
    private static bool Is(JsonElement element, string keyword, JsonValueKind kind) => element.TryGetProperty(keyword, out var value) && value.ValueKind == kind;

    private static IEnumerable<JsonElement> Descend(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.ToList()) foreach (var inner in Descend(child)) yield return inner;
    }
}
