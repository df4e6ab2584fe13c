using System.Net;
using System.Net.Sockets;

namespace DocStrange.Jobs.Network;

/// <summary>
/// The address blocks of IANA's IPv4 and IPv6 special-purpose address registries (RFC 6890 and its
/// updates) that are not globally reachable, with multicast and the reserved space: addresses no request
/// made on a caller's behalf should reach, since behind them lie this host, its networks, or nothing
/// routable. An IPv6 address that carries an IPv4 one is judged by the IPv4 address it carries.
/// </summary>
public static class SpecialPurposeAddresses
{
    private static readonly IPNetwork[] IPv4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network"
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, with the cloud metadata address
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation (TEST-NET-1)
        IPNetwork.Parse("192.88.99.0/24"),   // deprecated 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation (TEST-NET-2)
        IPNetwork.Parse("203.0.113.0/24"),   // documentation (TEST-NET-3)
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, with the limited broadcast 255.255.255.255
    ];

    private static readonly IPNetwork[] IPv6 =
    [
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("64:ff9b:1::/48"),   // local-use IPv4/IPv6 translation
        IPNetwork.Parse("100::/64"),         // discard-only
        IPNetwork.Parse("100:0:0:1::/64"),   // dummy prefix
        IPNetwork.Parse("2001::/23"),        // IETF protocol assignments (Teredo, ORCHID, benchmarking …), refused whole
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("3fff::/20"),        // documentation
        IPNetwork.Parse("5f00::/16"),        // segment routing (SRv6) SIDs
        IPNetwork.Parse("fc00::/7"),         // unique-local
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // deprecated site-local
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    // Global unicast is all IANA has handed out in IPv6: anything outside it is reserved and reaches no one.
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>Whether <paramref name="address"/> is special-purpose (not globally reachable), reserved, or multicast.</summary>
    public static bool Contains(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } carried) address = carried;
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4.Any(n => n.Contains(address)),
            AddressFamily.InterNetworkV6 => IPv6.Any(n => n.Contains(address)) || !GlobalUnicast.Contains(address),
            _ => true,
        };
    }

    /// <summary>The IPv4 address an IPv6 address carries, if it is one of the forms that reach an IPv4 host.</summary>
    public static IPAddress? EmbeddedIPv4(IPAddress address)
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
