using System.Net;

namespace DocStrange.Api.Tests.Hardening;

public sealed class CorsTests : IDisposable
{
    private const string Allowed = "https://app.example.com";

    private readonly ApiFactory _factory = new(withWorkers: false, settings: new Dictionary<string, string>
    {
        ["DocStrange:Api:Cors:AllowedOrigins:0"] = Allowed,
        ["DocStrange:Api:Cors:AllowedOrigins:1"] = "http://localhost:5173/",
    });

    [Theory]
    [InlineData(Allowed)]
    [InlineData("http://localhost:5173")]
    public async Task An_allowed_origin_may_read_answers_and_their_headers(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs/job_aaaaaaaaaaaaaaaaaaaaaaaaaa");
        request.Headers.Add("Origin", origin);

        var response = await _factory.CreateClient().SendAsync(request);

        // An error answer too: a browser client must be able to read the problem and its request id.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").SelectMany(v => v.Split(',')).Select(v => v.Trim()).ToList();
        Assert.Contains("X-Request-ID", exposed);
        Assert.Contains("Location", exposed);
        Assert.Contains("Retry-After", exposed);
        Assert.Contains("X-RateLimit-Remaining", exposed);
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health");
        request.Headers.Add("Origin", "https://evil.example.net");

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_lists_the_methods_and_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/documents");
        request.Headers.Add("Origin", Allowed);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, idempotency-key, x-api-key");

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        var headers = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("idempotency-key", headers);
        Assert.Contains("x-api-key", headers);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_or_for_another_header_is_not_allowed()
    {
        var client = _factory.CreateClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Options, "/api/v1/documents");
        foreign.Headers.Add("Origin", "https://evil.example.net");
        foreign.Headers.Add("Access-Control-Request-Method", "POST");
        using var header = new HttpRequestMessage(HttpMethod.Options, "/api/v1/documents");
        header.Headers.Add("Origin", Allowed);
        header.Headers.Add("Access-Control-Request-Method", "POST");
        header.Headers.Add("Access-Control-Request-Headers", "x-internal-admin");

        var foreignAnswer = await client.SendAsync(foreign);
        var headerAnswer = await client.SendAsync(header);

        Assert.False(foreignAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        // The browser refuses what the answer does not list.
        var listed = headerAnswer.Headers.TryGetValues("Access-Control-Allow-Headers", out var values) ? string.Join(",", values) : "";
        Assert.DoesNotContain("x-internal-admin", listed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_allowed_origins_no_origin_gets_access()
    {
        using var factory = new ApiFactory(withWorkers: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health");
        request.Headers.Add("Origin", Allowed);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    public void Dispose() => _factory.Dispose();
}
