namespace DocStrange.Api.Tests.Hardening;

public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string> Forwarded = new()
    {
        ["X-Forwarded-For"] = "203.0.113.7",
        ["X-Forwarded-Proto"] = "https",
    };

    [Fact]
    public async Task A_trusted_proxy_passes_on_the_client_address_and_scheme()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Api:KnownProxies:0"] = "10.1.2.3",
        });

        var http = await factory.Server.GetAsync("/api/v1/health", "10.1.2.3", Forwarded);

        Assert.Equal("203.0.113.7", http.Connection.RemoteIpAddress?.ToString());
        Assert.Equal("ip:203.0.113.7", http.CallerOwner());
        Assert.True(http.Request.IsHttps);
    }

    [Fact]
    public async Task A_proxy_in_a_trusted_network_is_believed_and_trusted_hops_are_walked_back()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Api:KnownNetworks:0"] = "10.0.0.0/8, 192.168.0.0/16",
        });

        // client -> load balancer 192.168.1.1 -> nginx 10.9.9.9 -> API; the client put a lie first.
        var http = await factory.Server.GetAsync("/api/v1/health", "10.9.9.9", new Dictionary<string, string>
        {
            ["X-Forwarded-For"] = "1.1.1.1, 198.51.100.4, 192.168.1.1",
        });

        Assert.Equal("ip:198.51.100.4", http.CallerOwner());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Api:KnownProxies:0"] = "10.1.2.3",
        });

        var http = await factory.Server.GetAsync("/api/v1/health", "10.4.5.6", Forwarded);

        Assert.Equal("ip:10.4.5.6", http.CallerOwner());
        Assert.False(http.Request.IsHttps);
    }

    [Fact]
    public async Task By_default_no_proxy_is_trusted_not_even_loopback()
    {
        using var factory = new ApiFactory(withWorkers: false);

        var http = await factory.Server.GetAsync("/api/v1/health", "127.0.0.1", Forwarded);

        Assert.Equal("ip:127.0.0.1", http.CallerOwner());
        Assert.False(http.Request.IsHttps);
    }
}
