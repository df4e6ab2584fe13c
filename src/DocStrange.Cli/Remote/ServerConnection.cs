using System.CommandLine;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>
/// The <c>--server</c> and <c>--api-key</c> options of the commands that talk to a server, with their
/// environment variables, so that a shell sets them once.
/// </summary>
internal sealed class ServerConnection
{
    public const string ServerVariable = "DOCSTRANGE_SERVER";
    public const string ApiKeyVariable = "DOCSTRANGE_API_KEY";
    public const string DefaultServer = "http://127.0.0.1:8080";

    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = $"The server's root URL (default: ${ServerVariable}, else {DefaultServer}).",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key, sent as Authorization: Bearer (default: ${ApiKeyVariable}; none: the anonymous tier).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
    }

    /// <summary>The server's root URL as given, or the environment's, or the default.</summary>
    public string UrlOf(ParseResult parse) =>
        parse.GetValue(Server) ?? NonEmpty(Environment.GetEnvironmentVariable(ServerVariable)) ?? DefaultServer;

    /// <summary>A client of the server, or null when the URL is not an absolute http(s) URL.</summary>
    public DocStrangeClient? Connect(ParseResult parse)
    {
        var url = UrlOf(parse);
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return null;
        }
        // The overall timeout bounds each call up to its answer's headers; an event stream or a download may then run long.
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(100),
        };
        return new DocStrangeClient(http) { ApiKey = parse.GetValue(ApiKey) ?? NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)) };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
