using System.Net;
using System.Net.Sockets;

namespace DocStrange.Jobs.Network;

/// <summary>
/// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects only
/// to addresses the <see cref="AddressPolicy"/> allows. The check is on the address actually dialled,
/// so a name that looked public when it was checked and later resolves to a private address (DNS
/// rebinding) still cannot reach the private network.
/// </summary>
public static class GuardedConnector
{
    /// <summary>A handler that never uses a proxy (which would dial for us, past the check) and connects through <see cref="ConnectAsync"/>.</summary>
    public static SocketsHttpHandler CreateHandler(AddressPolicy policy, TimeSpan connectTimeout) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = connectTimeout,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, policy, cancellationToken),
    };

    /// <summary>Resolves <paramref name="endpoint"/>, refuses it with <see cref="AddressRefusedException"/> when no allowed address remains, and connects.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, AddressPolicy policy, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        // A name with one refused address is refused whole: which address the system would try first is not ours to guess.
        if (addresses.FirstOrDefault(a => !policy.Allows(a)) is { } refused) throw new AddressRefusedException(endpoint.Host, refused);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
