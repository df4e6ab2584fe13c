using System.Net.Sockets;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Api.Intake;

/// <summary>
/// Checks a submission's <c>webhook_url</c> against the server's webhook settings: webhooks must be
/// configured (a signing secret), and the host must not be or resolve to an address
/// <see cref="DocStrange.Jobs.Network.AddressPolicy.PublicOnly"/> refuses unless
/// <see cref="WebhookOptions.AllowPrivateTargets"/> is set.
/// </summary>
internal static class WebhookUrlCheck
{
    /// <summary>Throws <c>INVALID_REQUEST</c> or <c>URL_NOT_ALLOWED</c> when the URL may not be used.</summary>
    public static async Task CheckAsync(string? webhookUrl, WebhookOptions options, CancellationToken cancellationToken)
    {
        if (webhookUrl is null) return;
        if (!options.Enabled)
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest,
                "Webhooks are not configured on this server (no signing secret); submit without 'webhook_url' and poll the job.",
                new Dictionary<string, object?> { ["field"] = "webhook_url" });
        }
        if (options.AllowPrivateTargets) return;
        var url = new Uri(webhookUrl);
        IReadOnlyList<System.Net.IPAddress> refused;
        try
        {
            refused = await WebhookTargets.NonPublicAddressesAsync(url, cancellationToken);
        }
        catch (SocketException)
        {
            throw new DocStrangeException(ServiceErrors.UrlNotAllowed, $"The host of 'webhook_url' ({url.Host}) does not resolve.",
                new Dictionary<string, object?> { ["field"] = "webhook_url", ["host"] = url.Host, ["reason"] = "unresolvable" });
        }
        if (refused.Count > 0)
        {
            throw new DocStrangeException(ServiceErrors.UrlNotAllowed,
                $"'webhook_url' points to {refused[0]}, which is not public (a private, loopback, link-local or reserved range, or this server's own address); webhooks go to public addresses only.",
                new Dictionary<string, object?>
                {
                    ["field"] = "webhook_url", ["host"] = url.Host, ["address"] = refused[0].ToString(), ["reason"] = "private_address",
                });
        }
    }
}
