using System.Net;
using System.Net.Sockets;

namespace DocStrange.Jobs.Webhooks;

/// <summary>
/// Which webhook targets are allowed: absolute http(s) URLs of at most 2048 characters whose host is
/// not, and does not resolve to, a private, loopback, link-local, unique-local or unspecified address.
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

    /// <summary>Whether an address is on the public internet (not private, loopback, link-local, unique-local, multicast or unspecified).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)     // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                    // link-local (cloud metadata)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
        var first = address.GetAddressBytes()[0];
        return (first & 0xFE) != 0xFC;                             // fc00::/7 unique-local
    }

    /// <summary>
    /// The addresses of the URL's host that are not public (empty when all are public); throws
    /// <see cref="SocketException"/> when the name does not resolve.
    /// </summary>
    public static async Task<IReadOnlyList<IPAddress>> NonPublicAddressesAsync(Uri url, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        return [.. addresses.Where(a => !IsPublic(a))];
    }
}
