using System.Net;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Jobs.Tests;

public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("224.0.0.1")]
    public void Private_loopback_link_local_unique_local_and_unspecified_addresses_are_not_public(string address) =>
        Assert.False(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_public(string address) => Assert.True(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://example.com/hook", true)]
    [InlineData("http://example.com:8080/a?b=c", true)]
    [InlineData("ftp://example.com/hook", false)]
    [InlineData("example.com/hook", false)]
    [InlineData("https://u:p@example.com/hook", false)]
    public void Only_absolute_http_urls_parse(string url, bool ok) => Assert.Equal(ok, WebhookTargets.Parse(url, out _) is not null);

    [Fact]
    public void A_url_over_2048_characters_is_refused()
    {
        Assert.Null(WebhookTargets.Parse("https://example.com/" + new string('a', 2048), out var problem));
        Assert.Contains("2048", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_doubles_within_jitter_and_stops_at_the_cap()
    {
        var options = new WebhookOptions { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(4) };
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookBackoff.DelayAfter(1, options, 1));
        Assert.Equal(TimeSpan.FromSeconds(15), WebhookBackoff.DelayAfter(1, options, 0));
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookBackoff.DelayAfter(3, options, 1));
        Assert.Equal(TimeSpan.FromHours(4), WebhookBackoff.DelayAfter(14, options, 1));
        // The default 15 attempts spread over roughly a day.
        var total = Enumerable.Range(1, 14).Sum(a => WebhookBackoff.DelayAfter(a, new WebhookOptions(), 1).TotalHours);
        Assert.InRange(total, 20, 30);
    }
}
