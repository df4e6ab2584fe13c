using System.Net;
using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace DocStrange.Api.Tests.Hardening;

/// <summary>
/// Requests sent straight into the test server with the socket's address and scheme chosen, as a
/// reverse proxy (or a client) on that address would send them; the finished context is returned,
/// so a test sees what the pipeline made of the address.
/// </summary>
internal static class EdgeRequests
{
    public static Task<HttpContext> GetAsync(this TestServer server, string path, string socketAddress,
        IReadOnlyDictionary<string, string>? headers = null, string scheme = "http", string method = "GET") =>
        server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Scheme = scheme;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(socketAddress);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.Request.Headers[name] = value;
        });

    /// <summary>Who the request's caller was taken to be (an anonymous one: <c>ip:</c> and its client address).</summary>
    public static string? CallerOwner(this HttpContext http) => http.Features.Get<Caller>()?.OwnerId;
}
