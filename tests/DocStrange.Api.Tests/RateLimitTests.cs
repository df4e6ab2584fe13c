using System.Net;

namespace DocStrange.Api.Tests;

/// <summary>Requests per minute per caller: headers on every counted response, 429 with Retry-After past the limit.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = LimitedHost.Clock();
    private readonly ApiFactory _factory;

    public RateLimitTests() => _factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["RequestsPerMinute"] = "3" });

    [Fact]
    public async Task Each_response_counts_down_and_the_request_past_the_limit_is_refused_with_retry_after()
    {
        var client = _factory.CreateClient();
        for (var i = 1; i <= 3; i++)
        {
            var response = await client.GetAsync("/api/v1/system");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("3", Header(response, "X-RateLimit-Limit"));
            Assert.Equal((3 - i).ToString(), Header(response, "X-RateLimit-Remaining"));
            Assert.Equal("30", Header(response, "X-RateLimit-Reset"));
        }

        var refused = await client.GetAsync("/api/v1/jobs");
        var problem = await ApiClient.ProblemAsync(refused, 429, "RATE_LIMIT_EXCEEDED");
        Assert.Equal("30", Header(refused, "Retry-After"));
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        Assert.Equal("3", Header(refused, "X-RateLimit-Limit"));
        var details = problem.GetProperty("error").GetProperty("details");
        Assert.Equal(3, details.GetProperty("limit").GetInt32());
        Assert.Equal("minute", details.GetProperty("period").GetString());
        Assert.Equal("free", details.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_new_minute_brings_a_new_allowance()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/system")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/system")).StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var response = await client.GetAsync("/api/v1/system");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Header(response, "X-RateLimit-Remaining"));
        Assert.Equal("60", Header(response, "X-RateLimit-Reset"));
    }

    [Fact]
    public async Task Error_responses_carry_the_rate_headers_too()
    {
        var client = _factory.CreateClient();
        var response = await client.GetAsync("/api/v1/jobs/job_aaaaaaaaaaaaaaaaaaaaaaaaaa");
        await ApiClient.ProblemAsync(response, 404, "JOB_NOT_FOUND");
        Assert.Equal("2", Header(response, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Health_is_neither_counted_nor_refused()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++) await client.GetAsync("/api/v1/system");
        for (var i = 0; i < 5; i++)
        {
            var live = await client.GetAsync("/api/v1/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.False(live.Headers.Contains("X-RateLimit-Limit"));
        }
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/health")).StatusCode);
    }

    [Fact]
    public async Task An_unlimited_caller_gets_no_rate_headers()
    {
        using var unlimited = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Limits:Enabled"] = "false" });
        var response = await unlimited.CreateClient().GetAsync("/api/v1/system");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
        Assert.Contains("\"requests_per_minute\":null", await response.Content.ReadAsStringAsync());
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");

    public void Dispose() => _factory.Dispose();
}
