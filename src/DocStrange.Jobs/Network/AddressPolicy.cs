using System.Net;
using System.Net.Sockets;

namespace DocStrange.Jobs.Network;

/// <summary>
/// Which addresses the server may connect to on a caller's behalf (webhooks, from-url downloads):
/// public addresses, plus the networks an operator lists (intranet sources), or everything when
/// private targets are allowed outright (local use and tests). One policy for every outgoing request
/// a caller can aim, so a check added here holds for all of them.
/// </summary>
public sealed class AddressPolicy
{
    private readonly bool _allowAll;
    private readonly IReadOnlyList<IPNetwork> _allowedNetworks;

    private AddressPolicy(bool allowAll, IReadOnlyList<IPNetwork> allowedNetworks)
    {
        _allowAll = allowAll;
        _allowedNetworks = allowedNetworks;
    }

    /// <summary>Public addresses only.</summary>
    public static AddressPolicy PublicOnly { get; } = new(false, []);

    /// <summary>Every address (private targets allowed by configuration).</summary>
    public static AddressPolicy AllowAll { get; } = new(true, []);

    /// <summary>Public addresses and those inside <paramref name="networks"/>.</summary>
    public static AddressPolicy PublicAnd(IEnumerable<IPNetwork> networks) => new(false, [.. networks]);

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public bool Allows(IPAddress address)
    {
        if (_allowAll || IsPublic(address)) return true;
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowedNetworks.Any(n => n.Contains(plain));
    }

    /// <summary>
    /// Whether an address is on the public internet: not private (10/8, 172.16/12, 192.168/16), loopback,
    /// link-local (169.254/16 with the cloud metadata address, fe80::/10), unique-local (fc00::/7),
    /// carrier-grade NAT (100.64/10), multicast, reserved, unspecified or "this network" (0/8); an IPv6
    /// address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16)
    /// is judged by the IPv4 address it carries.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } carried) address = carried;
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

    /// <summary>The IPv4 address an IPv6 address carries, if it is one of the forms that reach an IPv4 host.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        // 6to4: 2002:AABB:CCDD::/48 reaches AA.BB.CC.DD.
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b.AsSpan(2, 4));
        var prefixZero = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        // IPv4-compatible ::a.b.c.d (deprecated, but some stacks still route it); :: and ::1 are judged as IPv6.
        if (prefixZero && !(b.AsSpan(12).IndexOfAnyExcept((byte)0) < 0) && !address.Equals(IPAddress.IPv6Loopback)) return new IPAddress(b.AsSpan(12, 4));
        // NAT64 well-known prefix 64:ff9b::/96.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0) return new IPAddress(b.AsSpan(12, 4));
        return null;
    }
}
