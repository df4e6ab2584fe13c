using System.Text.Json;
using DocStrange.Document.Export;
using DocStrange.Jobs.Errors;

namespace DocStrange.Api.Tests.OpenApi;

/// <summary>The served OpenAPI document says exactly what the server does, in terms a generated client can use.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false);

    [Fact]
    public async Task Every_operation_has_its_own_id()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        var ids = document.Operations().Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("GetUploadOffset", document.Operation("head", "/api/v1/uploads/{id}").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Keys_are_described_and_each_route_says_which_it_takes()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        var schemes = document.Root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-API-Key", schemes.GetProperty("api_key").GetProperty("name").GetString());
        Assert.Equal("header", schemes.GetProperty("api_key").GetProperty("in").GetString());

        Assert.Equal(["bearer", "api_key", ""], Requirements(document.Operation("get", "/api/v1/jobs/{id}")));
        Assert.Equal(["admin_bearer", "admin_api_key"], Requirements(document.Operation("get", "/api/v1/admin/keys")));
        Assert.Empty(Requirements(document.Operation("get", "/api/v1/health")));
        Assert.All(document.Operations(), o => Assert.True(o.Operation.TryGetProperty("security", out _), $"{o.Method} {o.Path} has no security"));
    }

    [Fact]
    public async Task Without_anonymous_callers_a_key_is_required()
    {
        using var locked = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Tiers:AllowAnonymous"] = "false" });
        var document = await ServedOpenApiDocument.FetchAsync(locked);
        Assert.Equal(["bearer", "api_key"], Requirements(document.Operation("post", "/api/v1/documents")));
    }

    [Fact]
    public async Task Every_error_is_a_problem_with_its_codes()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        var codes = document.Schemas.GetProperty("ApiError").GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(ErrorCatalog.All.Select(e => e.Name), codes);
        // Details are a map of any values: a client must be able to read details.field.
        Assert.Equal(JsonValueKind.Object, document.Schemas.GetProperty("ApiError").GetProperty("properties").GetProperty("details")
            .GetProperty("additionalProperties").ValueKind);

        foreach (var (method, path, operation) in document.Operations().Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var errors = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            Assert.True(errors.Any(r => r.Name[0] == '4'), $"{method} {path} describes no 4xx answer");
            // HEAD answers carry no body; health answers 503 with its own report.
            foreach (var error in errors.Where(r => method != "head" && !IsHealthView(r.Value)))
            {
                var problem = error.Value.GetProperty("content").GetProperty("application/problem+json");
                Assert.Equal("#/components/schemas/ApiProblem", problem.GetProperty("schema").GetProperty("$ref").GetString());
                Assert.All(problem.GetProperty("examples").EnumerateObject(), e => Assert.Contains(e.Name, codes));
            }
        }
        var result = document.Operation("get", "/api/v1/jobs/{id}/result").GetProperty("responses");
        Assert.Contains("RESULT_NOT_READY", result.GetProperty("409").GetProperty("description").GetString());
        Assert.Contains("RESULT_EXPIRED", result.GetProperty("410").GetProperty("description").GetString());
        Assert.Contains("JOB_NOT_FOUND", result.GetProperty("404").GetProperty("description").GetString());
        var submit = document.Operation("post", "/api/v1/documents").GetProperty("responses");
        Assert.Contains("FILE_TOO_LARGE", submit.GetProperty("413").GetProperty("description").GetString());
        Assert.Contains("INVALID_FILE_TYPE", submit.GetProperty("415").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Headers_are_described_both_ways()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        Assert.Contains("Idempotency-Key", HeaderParameters(document.Operation("post", "/api/v1/documents")));
        Assert.Contains("Upload-Offset", HeaderParameters(document.Operation("patch", "/api/v1/uploads/{id}")));
        Assert.Contains("X-Request-ID", HeaderParameters(document.Operation("get", "/api/v1/jobs")));

        var listed = document.Operation("get", "/api/v1/jobs").GetProperty("responses");
        var headers = listed.GetProperty("200").GetProperty("headers");
        foreach (var name in new[] { "X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset" }) Assert.True(headers.TryGetProperty(name, out _), name);
        Assert.True(listed.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        var head = document.Operation("head", "/api/v1/uploads/{id}").GetProperty("responses");
        Assert.True(head.GetProperty("200").GetProperty("headers").TryGetProperty("Upload-Offset", out _));
        Assert.All(head.EnumerateObject(), r => Assert.False(r.Value.TryGetProperty("content", out _), $"HEAD {r.Name} describes a body"));
        Assert.True(document.Operation("post", "/api/v1/documents").GetProperty("responses").GetProperty("202").GetProperty("headers")
            .TryGetProperty("Location", out _));
    }

    [Fact]
    public async Task Numbers_times_and_choices_have_their_real_types()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        foreach (var schema in document.AllSchemas())
        {
            var types = TypesOf(schema);
            Assert.False(types.Contains("string") && (types.Contains("integer") || types.Contains("number")), $"a number that may be a string: {schema}");
            if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time") Assert.Contains("string", types);
            if (schema.TryGetProperty("enum", out _)) Assert.Contains("string", types);
        }
        var stage = document.Schemas.GetProperty("ProgressView").GetProperty("properties").GetProperty("stage");
        Assert.Equal(["queued", "downloading", "parsing", "ocr", "layout", "extracting", "exporting", "uploading", "done"], EnumOf(stage));
        var job = document.Schemas.GetProperty("JobView").GetProperty("properties");
        Assert.Equal(["integer"], TypesOf(job.GetProperty("attempts")));
        Assert.Equal(["null", "string"], TypesOf(job.GetProperty("started_at")).Order());

        Assert.Equal(["integer"], TypesOf(QueryParameter(document, "get", "/api/v1/jobs/{id}", "wait")));
        Assert.Equal(["integer"], TypesOf(QueryParameter(document, "get", "/api/v1/jobs", "limit")));
        Assert.Equal(OutputFormatWireNames(), EnumOf(QueryParameter(document, "get", "/api/v1/jobs/{id}/result", "format")));

        var form = document.Resolve(document.Operation("post", "/api/v1/documents").GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema")).GetProperty("properties");
        Assert.Equal(["boolean", "null"], TypesOf(form.GetProperty("include_notes")).Order());
        Assert.Equal(["always", "auto", "never"], EnumOf(document.Resolve(form.GetProperty("ocr"))).Order());
        Assert.Equal(["auto", "cpu", "gpu"], EnumOf(document.Resolve(form.GetProperty("processing_mode"))).Order());
        Assert.Equal(["batch", "express", "normal"], EnumOf(document.Resolve(form.GetProperty("priority"))).Order());
        Assert.Equal(["embedded", "files", "none", "placeholder"], EnumOf(document.Resolve(form.GetProperty("images"))).Order());
        Assert.Equal(OutputFormatWireNames(), EnumOf(document.Resolve(form.GetProperty("output_format").GetProperty("items"))));
        Assert.Equal("binary", form.GetProperty("file").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Downloads_and_events_have_their_own_content_types()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        var download = document.Operation("get", "/api/v1/jobs/{id}/download").GetProperty("responses").GetProperty("200");
        var types = download.GetProperty("content").EnumerateObject().Select(c => c.Name).Order();
        // Every format's own type, and the zip of the whole result.
        Assert.Equal(Enum.GetValues<OutputFormat>().Select(f => OutputFormats.MediaTypeOf(f).Split(';')[0]).Append("application/zip").Distinct().Order(), types);
        Assert.True(download.GetProperty("headers").TryGetProperty("Content-Disposition", out _));

        var image = document.Operation("get", "/api/v1/jobs/{id}/result/images/{name}").GetProperty("responses");
        Assert.Equal(["image/bmp", "image/gif", "image/jpeg", "image/png", "image/tiff", "image/webp"],
            image.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Order());
        Assert.True(image.TryGetProperty("404", out _));

        var events = document.Operation("get", "/api/v1/jobs/{id}/events").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal(["text/event-stream"], events.EnumerateObject().Select(c => c.Name));
        // The stream's data is the job itself, not a wrapper around it.
        Assert.Equal("#/components/schemas/JobView", events.GetProperty("text/event-stream").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task No_framework_names_and_a_described_server()
    {
        var document = await ServedOpenApiDocument.FetchAsync(_factory);
        var names = document.Schemas.EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("AnonymousType", StringComparison.Ordinal) || n.StartsWith("SseItem", StringComparison.Ordinal)
            || n is "Stream" or "IFormFile" or "ProblemDetails");
        var server = Assert.Single(document.Root.GetProperty("servers").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(server.GetProperty("description").GetString()));
        Assert.All(document.Root.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString())));
    }

    public void Dispose() => _factory.Dispose();

    private static List<string> Requirements(JsonElement operation) =>
        [.. operation.GetProperty("security").EnumerateArray().Select(r => string.Join("+", r.EnumerateObject().Select(p => p.Name)))];

    private static List<string> HeaderParameters(JsonElement operation) =>
        [.. operation.GetProperty("parameters").EnumerateArray().Select(p => p.TryGetProperty("$ref", out var r) ? r.GetString()!.Split('/')[^1]
            : p.GetProperty("in").GetString() == "header" ? p.GetProperty("name").GetString()! : "")];

    private static JsonElement QueryParameter(ServedOpenApiDocument document, string method, string path, string name) =>
        document.Operation(method, path).GetProperty("parameters").EnumerateArray()
            .Single(p => p.TryGetProperty("name", out var n) && n.GetString() == name && p.GetProperty("in").GetString() == "query").GetProperty("schema");

    private static List<string> TypesOf(JsonElement schema) => !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];

    private static List<string> EnumOf(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    private static List<string> OutputFormatWireNames() => [.. Enum.GetValues<OutputFormat>().Select(OutputFormats.NameOf)];

    /// <summary>The health routes answer 503 with their own report, not a problem.</summary>
    private static bool IsHealthView(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out _);
}
