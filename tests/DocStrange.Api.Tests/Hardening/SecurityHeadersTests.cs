using System.Net;

namespace DocStrange.Api.Tests.Hardening;

public sealed class SecurityHeadersTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false, settings: new Dictionary<string, string>
    {
        ["DocStrange:Api:KnownProxies:0"] = "10.1.2.3",
    });

    [Theory]
    [InlineData("/api/v1/health")]
    [InlineData("/api/v1/jobs/job_aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/no/such/route")]
    [InlineData("/")]
    [InlineData("/docs")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
        // Plain HTTP: HSTS would be ignored by browsers and must not be sent.
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_web_page_may_not_be_framed()
    {
        var response = await _factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task The_api_reference_page_still_loads_its_script()
    {
        var client = _factory.CreateClient();
        var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The strict CSP of the web page is not applied to the reference page, which runs inline script.
        Assert.Null(Header(page, "Content-Security-Policy"));
        Assert.False(string.IsNullOrEmpty(script), html);
        var scriptPath = script.StartsWith('/') ? script : "/docs/" + script.TrimStart('.', '/');
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(scriptPath)).StatusCode);
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_trusted_proxy_says_https()
    {
        var http = await _factory.Server.GetAsync("/api/v1/health", "10.1.2.3", new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" });

        Assert.Equal("max-age=15552000", http.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Hsts_is_not_sent_when_an_untrusted_client_claims_https()
    {
        var http = await _factory.Server.GetAsync("/api/v1/health", "10.4.5.6", new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" });

        Assert.Equal("", http.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Hsts_follows_its_setting_on_a_direct_https_request()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Api:HstsMaxAge"] = "365.00:00:00" });

        var http = await factory.Server.GetAsync("/api/v1/health", "10.4.5.6", scheme: "https");

        Assert.Equal("max-age=31536000", http.Response.Headers.StrictTransportSecurity.ToString());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    public void Dispose() => _factory.Dispose();
}
