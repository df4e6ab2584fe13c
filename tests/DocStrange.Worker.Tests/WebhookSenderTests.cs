using DocStrange.Jobs.Webhooks;
using DocStrange.Worker.Webhooks;

namespace DocStrange.Worker.Tests;

public sealed class WebhookSenderTests
{
    private static WebhookSender Sender(bool allowPrivate)
    {
        var options = new WebhookOptions { Secret = "s", AllowPrivateTargets = allowPrivate, Timeout = TimeSpan.FromSeconds(5) };
        return new WebhookSender(WebhookHttpClient.Create(options), options, TimeProvider.System);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/hook")]
    [InlineData("http://localhost:1/hook")]
    [InlineData("http://[::1]:1/hook")]
    public async Task A_private_address_is_refused_at_connect_time(string url)
    {
        var attempt = await Sender(allowPrivate: false).SendAsync(url, "evt_1", "{}", default);
        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.Status);
        Assert.Contains("private networks", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_private_targets_allowed_the_connection_is_tried()
    {
        // Port 1 on loopback refuses: the attempt fails on the connection, not on the address rule.
        var attempt = await Sender(allowPrivate: true).SendAsync("http://127.0.0.1:1/hook", "evt_1", "{}", default);
        Assert.False(attempt.Succeeded);
        Assert.DoesNotContain("private networks", attempt.Error, StringComparison.Ordinal);
    }
}
