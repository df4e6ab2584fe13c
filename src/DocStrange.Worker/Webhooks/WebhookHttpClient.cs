using DocStrange.Jobs.Network;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Worker.Webhooks;

/// <summary>
/// The HTTP client deliveries go through. It connects through <see cref="GuardedConnector"/>, which
/// refuses a non-public address at connect time, so a name that passed the check at submit and later
/// resolves to a private address (DNS rebinding) still cannot reach the private network.
/// </summary>
public static class WebhookHttpClient
{
    /// <summary>A client with the delivery timeout, no redirects, and the connect-time address check (unless private targets are allowed).</summary>
    public static HttpClient Create(WebhookOptions options)
    {
        var policy = options.AllowPrivateTargets ? AddressPolicy.AllowAll : AddressPolicy.PublicOnly;
        return new HttpClient(GuardedConnector.CreateHandler(policy, options.Timeout)) { Timeout = options.Timeout };
    }
}
