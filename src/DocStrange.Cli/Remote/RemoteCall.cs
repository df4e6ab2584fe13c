using System.CommandLine;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>Runs a command against a server and turns what can go wrong there into one line on stderr and an exit code.</summary>
internal static class RemoteCall
{
    public static async Task<int> RunAsync(ParseResult parse, ServerConnection connection,
        Func<DocStrangeClient, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var url = connection.UrlOf(parse);
        if (connection.Connect(parse) is not { } client)
        {
            await Console.Error.WriteLineAsync($"docstrange: --server must be an http or https URL such as {ServerConnection.DefaultServer}, not \"{url}\"");
            return RemoteExitCodes.Usage;
        }
        try
        {
            return await work(client, cancellationToken);
        }
        catch (DocStrangeApiException ex)
        {
            await Console.Error.WriteLineAsync($"docstrange: {Describe(ex)}");
            return RemoteExitCodes.Refused;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"docstrange: cannot reach the server at {url}: {ex.Message}");
            return RemoteExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C stops this command, not the server's work: a submitted job goes on there.
            await Console.Error.WriteLineAsync("docstrange: stopped; jobs already submitted go on on the server (docstrange jobs lists them)");
            return RemoteExitCodes.Stopped;
        }
        catch (TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"docstrange: the server at {url} did not answer in time");
            return RemoteExitCodes.Unreachable;
        }
    }

    /// <summary>An error answer in one line: its code, its message, and the request id to quote when reporting it.</summary>
    public static string Describe(DocStrangeApiException error) =>
        $"{error.Code}: {error.Message}" + (error.RequestId is { } id ? $" (HTTP {(int)error.StatusCode}, request {id})" : $" (HTTP {(int)error.StatusCode})");
}
