using System.Net;

namespace DocStrange.Api.Tests;

/// <summary>
/// Whose requests count against whose rate: anonymous callers share one bucket per client IP, while
/// the admin and every API key count in buckets of their own, so a flood of anonymous requests from an
/// address does not lock out the keyed callers and the admin behind it.
/// </summary>
public sealed class RateBucketTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = LimitedHost.Clock();
    private readonly ApiFactory _factory;

    public RateBucketTests() =>
        _factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["RequestsPerMinute"] = "3" }, backend: Tenants.Settings());

    [Fact]
    public async Task Anonymous_requests_that_spend_the_address_bucket_leave_the_admin_and_keyed_callers_their_own()
    {
        var (_, secret) = await _factory.CreateKeyAsync("keyed", new { name = "keyed", limits = new { requests_per_minute = 3 } });
        var anonymous = _factory.CreateClient();
        await SpendAsync(anonymous);

        var admin = await _factory.Admin().GetAsync("/api/v1/admin/keys");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.WithKey(secret).GetAsync("/api/v1/system")).StatusCode);
        // A guess at the admin key is the address's request: guessing stays bounded by the anonymous bucket.
        await ApiClient.ProblemAsync(await _factory.WithKey("not-the-admin-key-0123456789abcdef").GetAsync("/api/v1/admin/keys"), 429, "RATE_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task The_admin_spending_requests_leaves_the_anonymous_bucket_of_its_address_alone()
    {
        var admin = _factory.Admin();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/keys")).StatusCode);

        var anonymous = await _factory.CreateClient().GetAsync("/api/v1/system");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("2", RateLimitTests.Header(anonymous, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_key_that_spends_its_bucket_does_not_touch_another_keys()
    {
        var (_, first) = await _factory.CreateKeyAsync("first", new { name = "first", limits = new { requests_per_minute = 3 } });
        var (_, second) = await _factory.CreateKeyAsync("second", new { name = "second", limits = new { requests_per_minute = 3 } });

        await SpendAsync(_factory.WithKey(first));

        var other = await _factory.WithKey(second).GetAsync("/api/v1/system");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("2", RateLimitTests.Header(other, "X-RateLimit-Remaining"));
    }

    /// <summary>Uses up the client's three requests of this minute and checks the next is refused.</summary>
    private static async Task SpendAsync(HttpClient client)
    {
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/system")).StatusCode);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/system"), 429, "RATE_LIMIT_EXCEEDED");
    }

    public void Dispose() => _factory.Dispose();
}
