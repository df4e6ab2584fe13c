using Microsoft.Extensions.Options;

namespace DocStrange.Api.Tests.Hardening;

public sealed class HardeningOptionsTests
{
    [Theory]
    [InlineData("DocStrange:Api:Cors:AllowedOrigins:0", "*", "DocStrange:Api:Cors:AllowedOrigins")]
    [InlineData("DocStrange:Api:Cors:AllowedOrigins:0", "https://*.example.com", "DocStrange:Api:Cors:AllowedOrigins")]
    [InlineData("DocStrange:Api:Cors:AllowedOrigins:0", "https://app.example.com/path", "DocStrange:Api:Cors:AllowedOrigins")]
    [InlineData("DocStrange:Api:KnownProxies:0", "nginx.local", "DocStrange:Api:KnownProxies")]
    [InlineData("DocStrange:Api:KnownNetworks:0", "10.0.0.0", "DocStrange:Api:KnownNetworks")]
    [InlineData("DocStrange:Api:HstsMaxAge", "-1.00:00:00", "DocStrange:Api:HstsMaxAge")]
    public void A_bad_value_stops_the_start_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => StartWith(key, value));

        Assert.Contains(error.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    // When the application's start throws, the test host may look up a service on the provider the failed
    // start already disposed and report that instead (a race inside WebApplicationFactory's deferred host):
    // a fresh factory is tried again, up to three times, so the start's own exception is what is asserted.
    private static void StartWith(string key, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { [key] = value });
            try
            {
                factory.CreateClient();
                return;
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
            }
        }
    }
}
