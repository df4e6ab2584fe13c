using System.Net;

namespace DocStrange.Api.Tests;

/// <summary>
/// Two API replicas on one PostgreSQL schema and one Redis prefix count against one set of limits;
/// and a replica whose Redis is away lets work through (limits fail open). Only the distributed run
/// has a shared Redis: in the embedded run each process counts for itself, so these tests return early.
/// </summary>
public sealed class SharedLimitsTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = LimitedHost.Clock();

    [Fact]
    public async Task Requests_through_two_replicas_count_against_one_rate_limit()
    {
        if (!TestBackend.Current.Distributed) return;
        var limits = new Dictionary<string, string> { ["RequestsPerMinute"] = "4" };
        using var a = LimitedHost.Create(_clock, limits);
        using var b = LimitedHost.Create(_clock, limits, backend: a.BackendSettings);
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();

        Assert.Equal("3", RateLimitTests.Header(await clientA.GetAsync("/api/v1/system"), "X-RateLimit-Remaining"));
        Assert.Equal("2", RateLimitTests.Header(await clientB.GetAsync("/api/v1/system"), "X-RateLimit-Remaining"));
        Assert.Equal("1", RateLimitTests.Header(await clientA.GetAsync("/api/v1/system"), "X-RateLimit-Remaining"));
        Assert.Equal("0", RateLimitTests.Header(await clientB.GetAsync("/api/v1/system"), "X-RateLimit-Remaining"));
        await ApiClient.ProblemAsync(await clientA.GetAsync("/api/v1/system"), 429, "RATE_LIMIT_EXCEEDED");
        await ApiClient.ProblemAsync(await clientB.GetAsync("/api/v1/system"), 429, "RATE_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Documents_through_two_replicas_count_against_one_quota_even_when_sent_together()
    {
        if (!TestBackend.Current.Distributed) return;
        var limits = new Dictionary<string, string> { ["DocumentsPerDay"] = "3" };
        using var a = LimitedHost.Create(_clock, limits);
        using var b = LimitedHost.Create(_clock, limits, backend: a.BackendSettings);
        var clients = new[] { a.CreateClient(), b.CreateClient() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            clients[i % 2].PostAsync("/api/v1/documents", ApiClient.TextForm($"document {i}\n"))));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            await ApiClient.ProblemAsync(refused, 429, "QUOTA_EXCEEDED");
        }
    }

    [Fact]
    public async Task A_replica_without_redis_lets_requests_through()
    {
        if (!TestBackend.Current.Distributed) return;
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var settings = new Dictionary<string, string>
        {
            ["RequestsPerMinute"] = "1",
        };
        using var factory = LimitedHost.Create(_clock, settings, backend: new Dictionary<string, string>
        {
            ["DocStrange:Redis:Configuration"] = $"127.0.0.1:{closedPort},connectTimeout=200",
        });
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/system")).StatusCode);
        await client.SubmitAsync(ApiClient.TextForm("without redis\n"));
    }
}
