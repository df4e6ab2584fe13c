using System.Net;
using System.Net.NetworkInformation;

namespace DocStrange.Jobs.Network;

/// <summary>
/// The addresses of this machine's own network interfaces. A request made on a caller's behalf must not
/// come back to the server itself: on a public address it would reach the service's own ports (its API, a
/// worker's metrics) from inside, past whatever guards the network puts in front of them. The list is
/// read again after a few seconds, since interfaces gain and lose addresses while the process runs.
/// </summary>
public sealed class HostAddresses
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly Func<IEnumerable<IPAddress>> _read;
    private readonly TimeProvider _time;
    private volatile Snapshot? _snapshot;

    /// <summary>Addresses from <paramref name="read"/>, read again every few seconds by <paramref name="time"/>.</summary>
    public HostAddresses(Func<IEnumerable<IPAddress>> read, TimeProvider? time = null)
    {
        _read = read;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>This machine's interface addresses.</summary>
    public static HostAddresses Local { get; } = new(ReadInterfaces);

    /// <summary>Whether <paramref name="address"/> is one of this machine's (an IPv4-mapped IPv6 address as its IPv4 address).</summary>
    public bool Contains(IPAddress address) => Current().Contains(Plain(address));

    private HashSet<IPAddress> Current()
    {
        var now = _time.GetUtcNow();
        if (_snapshot is { } held && now - held.ReadAt < Refresh) return held.Addresses;
        var addresses = _read().Select(Plain).ToHashSet();
        _snapshot = new Snapshot(addresses, now);
        return addresses;
    }

    private sealed record Snapshot(HashSet<IPAddress> Addresses, DateTimeOffset ReadAt);

    // Without its scope (fe80::1%2 is fe80::1 here) and IPv4-mapped IPv6 as IPv4, so each address has one form.
    private static IPAddress Plain(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : new IPAddress(address.GetAddressBytes());

    private static IEnumerable<IPAddress> ReadInterfaces()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address)];
        }
        catch (NetworkInformationException)
        {
            // A system that hides its interfaces leaves the special-purpose ranges (loopback among them) as the guard.
            return [];
        }
    }
}
