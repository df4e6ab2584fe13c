using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests.Hardening;

/// <summary>
/// A request framed two ways — <c>Content-Length</c> and <c>Transfer-Encoding: chunked</c> — sent as raw
/// bytes to a real Kestrel (the test server has no HTTP parser, and Kestrel itself would accept the
/// request, framing it by the chunks): refused with 400 before its body is read, nothing stored.
/// </summary>
public sealed class RequestFramingTests : IDisposable
{
    private const string Part = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nA whole document.\r\n--XyZ--\r\n";

    private readonly ApiFactory _factory = new(withWorkers: false, settings: Tenants.Settings());

    public RequestFramingTests()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    [Theory]
    [InlineData("Content-Length: {0}\r\nTransfer-Encoding: chunked\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")]
    public async Task A_request_with_both_content_length_and_transfer_encoding_is_invalid_request(string framing)
    {
        var chunked = $"{Part.Length:x}\r\n{Part}\r\n0\r\n\r\n";
        var (status, body) = await SendRawAsync(string.Format(framing, Part.Length), chunked);

        Assert.Equal(400, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("INVALID_REQUEST", error.GetProperty("code").GetString());
        Assert.Contains("Transfer-Encoding", error.GetProperty("message").GetString());
        Assert.Empty(_factory.StoredFiles());
        // The same request framed one way only is an ordinary upload.
        Assert.Equal(202, (await SendRawAsync("Transfer-Encoding: chunked\r\n", chunked)).Status);
    }

    [Theory]
    [InlineData("/api/v1/documents", "multipart/form-data; boundary=XyZ", "")]
    [InlineData("/api/v1/uploads", "application/json", "")]
    [InlineData("/api/v1/documents/from-url", "application/json", "")]
    [InlineData("/api/v1/documents/from-url", "application/x-www-form-urlencoded", "")]
    [InlineData("/api/v1/admin/keys", "application/json", "Authorization: Bearer " + Tenants.AdminKey + "\r\n")]
    public async Task A_chunk_size_past_any_number_is_invalid_request(string route, string contentType, string headers)
    {
        // Found by tests/hostile/fuzz.py: Kestrel reports this chunk size as a plain IOException (an overflow),
        // not as the bad request it is, and a JSON body's reader let it through as a 500.
        var (status, body) = await SendRawAsync(
            $"Transfer-Encoding: chunked\r\n{headers}", "ffffffffffffffff\r\n{\"a\": 1}\r\n0\r\n\r\n", route, contentType);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_REQUEST", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_factory.StoredFiles());
    }

    /// <summary>Sends a request with the given framing headers and body; the status and the (de-chunked) body of the answer.</summary>
    private async Task<(int Status, string Body)> SendRawAsync(string framing, string body,
        string route = "/api/v1/documents", string contentType = "multipart/form-data; boundary=XyZ")
    {
        var address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var request = $"POST {route} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nConnection: close\r\n{framing}\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        // Latin-1 keeps one character per byte, so the chunk sizes count characters; the JSON is decoded after.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = answer[..split];
        var content = answer[(split + 4)..];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        content = head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(content) : content;
        return (status, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(content)));
    }

    private static string Dechunk(string chunked)
    {
        var text = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0) return text.ToString();
            text.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    public void Dispose() => _factory.Dispose();
}
