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
        var error = Assert.Throws<OptionsValidationException>(() => ApiFactory.Start(new Dictionary<string, string> { [key] = value }));

        Assert.Contains(error.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }
}
