using System.Net;

namespace DocStrange.Jobs.Network;

/// <summary>
/// Which addresses the server may connect to on a caller's behalf (webhooks, from-url downloads):
/// public addresses, plus the networks an operator lists (intranet sources), or everything when
/// private targets are allowed outright (local use and tests). The server's own interface addresses are
/// refused even inside a listed network. One policy for every outgoing request a caller can aim, so a
/// check added here holds for all of them.
/// </summary>
public sealed class AddressPolicy
{
    private readonly bool _allowAll;
    private readonly IReadOnlyList<IPNetwork> _allowedNetworks;
    private readonly HostAddresses _host;

    private AddressPolicy(bool allowAll, IReadOnlyList<IPNetwork> allowedNetworks, HostAddresses host)
    {
        _allowAll = allowAll;
        _allowedNetworks = allowedNetworks;
        _host = host;
    }

    /// <summary>Public addresses only.</summary>
    public static AddressPolicy PublicOnly { get; } = new(false, [], HostAddresses.Local);

    /// <summary>Every address (private targets allowed by configuration).</summary>
    public static AddressPolicy AllowAll { get; } = new(true, [], HostAddresses.Local);

    /// <summary>Public addresses and those inside <paramref name="networks"/>; <paramref name="host"/> names this machine's addresses (its interfaces by default).</summary>
    public static AddressPolicy PublicAnd(IEnumerable<IPNetwork> networks, HostAddresses? host = null) =>
        new(false, [.. networks], host ?? HostAddresses.Local);

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public bool Allows(IPAddress address)
    {
        if (_allowAll) return true;
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        // An operator lists intranet networks to reach other machines; the server itself is never one of them.
        if (_host.Contains(plain)) return false;
        return IsPublic(address) || _allowedNetworks.Any(n => n.Contains(plain));
    }

    /// <summary>
    /// Whether an address is on the public internet: not in the special-purpose registries
    /// (<see cref="SpecialPurposeAddresses"/>: private, loopback, link-local with the cloud metadata address,
    /// unique-local, carrier-grade NAT, documentation, benchmarking, multicast, reserved, unspecified); an
    /// IPv6 address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4
    /// 2002::/16) is judged by the IPv4 address it carries.
    /// </summary>
    public static bool IsPublic(IPAddress address) => !SpecialPurposeAddresses.Contains(address);
}
