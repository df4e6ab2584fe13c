using System.Net;

namespace DocStrange.Jobs.Network;

/// <summary>A connection was not made because the host is, or resolves to, an address the <see cref="AddressPolicy"/> refuses.</summary>
public sealed class AddressRefusedException(string host, IPAddress address)
    : IOException($"{host} resolves to {address}; requests made on a caller's behalf do not go to private networks, reserved ranges or this server.")
{
    /// <summary>The host name (or literal) that was asked for.</summary>
    public string Host { get; } = host;

    /// <summary>The first refused address it resolved to.</summary>
    public IPAddress Address { get; } = address;
}
