using System.Net;
using System.Net.Sockets;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Worker.Webhooks;

/// <summary>
/// The HTTP client deliveries go through. It resolves the host itself and refuses to connect to a
/// non-public address at connect time, so a name that passed the check at submit and later resolves
/// to a private address (DNS rebinding) still cannot reach the private network.
/// </summary>
public static class WebhookHttpClient
{
    /// <summary>A client with the delivery timeout, no redirects, and the connect-time address check (unless private targets are allowed).</summary>
    public static HttpClient Create(WebhookOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.Timeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateTargets, cancellationToken),
        };
        return new HttpClient(handler) { Timeout = options.Timeout };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || WebhookTargets.IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{endpoint.Host} resolves to no public address; webhooks are not sent to private networks.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
