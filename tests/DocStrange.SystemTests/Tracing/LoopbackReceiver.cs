using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DocStrange.SystemTests.Tracing;

/// <summary>
/// An HTTP endpoint on a loopback port that keeps every request it gets (path, headers, body) and answers
/// 200 with an empty body: the webhook receiver, and the OTLP/HTTP collector (an empty protobuf body is
/// an empty <c>ExportTraceServiceResponse</c>, which is success). An <see cref="HttpListener"/>, not an
/// ASP.NET Core host, so it makes no spans of its own.
/// </summary>
internal sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    private LoopbackReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The base address, without a trailing slash.</summary>
    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public static LoopbackReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackReceiver(port);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await KeepAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The sender hung up; the next request is served all the same.
            }
        }
    }

    private async Task KeepAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray()));
        context.Response.StatusCode = 200;
        context.Response.ContentType = context.Request.ContentType;
        context.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>One request received.</summary>
    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
}
