using System.Net;
using System.Net.Sockets;
using DocStrange.Jobs.Network;

namespace DocStrange.Jobs.Webhooks;

/// <summary>
/// Which webhook targets are allowed: absolute http(s) URLs of at most 2048 characters whose host is
/// not, and does not resolve to, an address <see cref="AddressPolicy.PublicOnly"/> refuses (special-purpose
/// ranges, this server's own addresses).
/// </summary>
public static class WebhookTargets
{
    /// <summary>The longest webhook URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The URL when it is an absolute http or https URL within the length limit; otherwise null and why.</summary>
    public static Uri? Parse(string text, out string? problem)
    {
        problem = null;
        if (text.Length > MaxUrlLength) problem = $"'webhook_url' may be at most {MaxUrlLength} characters.";
        else if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            problem = "'webhook_url' must be an absolute http or https URL.";
        else if (!string.IsNullOrEmpty(uri.UserInfo)) problem = "'webhook_url' may not carry a user name or password.";
        else return uri;
        return null;
    }

    /// <summary>Whether an address is on the public internet; see <see cref="AddressPolicy.IsPublic"/>, the one rule for every outgoing request.</summary>
    public static bool IsPublic(IPAddress address) => AddressPolicy.IsPublic(address);

    /// <summary>
    /// The addresses of the URL's host that <see cref="AddressPolicy.PublicOnly"/> refuses (empty when it
    /// allows them all), by the same rule the delivery's connection is checked with; throws
    /// <see cref="SocketException"/> when the name does not resolve.
    /// </summary>
    public static async Task<IReadOnlyList<IPAddress>> NonPublicAddressesAsync(Uri url, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        return [.. addresses.Where(a => !AddressPolicy.PublicOnly.Allows(a))];
    }
}
