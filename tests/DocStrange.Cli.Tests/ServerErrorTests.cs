using System.Net;
using System.Net.Sockets;

namespace DocStrange.Cli.Tests;

/// <summary>What goes wrong between the client commands and a server is said in one line, with a distinct exit code.</summary>
[Collection(ConvertingServerCollection.Name)]
public sealed class ServerErrorTests(ConvertingServer server)
{
    private const string UnknownJob = "job_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>A loopback port that nothing listens on.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_with_3()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var outcome = await CliRunner.RunAsync("submit", TestDocuments.Path("comma_quoted.csv"), "--server", url);

        Assert.Equal(3, outcome.ExitCode);
        Assert.StartsWith($"docstrange: cannot reach the server at {url}: ", outcome.Stderr);
        Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", outcome.Stderr);
    }

    [Fact]
    public async Task A_server_url_that_is_not_http_is_a_usage_error()
    {
        var outcome = await CliRunner.RunAsync("jobs", "--server", "ftp://127.0.0.1/");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--server must be an http or https URL", outcome.Stderr);
    }

    [Theory]
    [InlineData("ds_live_not-a-key")]
    [InlineData("ds_live_0123456789abcdefghijABCDEFGHIJKL")]
    public async Task A_bad_api_key_is_refused_with_invalid_api_key_and_exit_4(string key)
    {
        var flag = await CliRunner.RunAsync("submit", TestDocuments.Path("comma_quoted.csv"), "--server", server.Url, "--api-key", key);
        var variable = await CliRunner.RunWithEnvironmentAsync(new Dictionary<string, string> { ["DOCSTRANGE_API_KEY"] = key }, "jobs", "--server", server.Url);

        foreach (var outcome in new[] { flag, variable })
        {
            Assert.Equal(4, outcome.ExitCode);
            Assert.Matches(@"^docstrange: INVALID_API_KEY: .* \(HTTP 401, request req_\w+\)\n$", outcome.Stderr);
            Assert.Equal("", outcome.Stdout);
        }
    }

    [Theory]
    [InlineData("status")]
    [InlineData("result")]
    [InlineData("cancel")]
    [InlineData("events")]
    public async Task An_unknown_job_is_job_not_found_and_exit_4(string command)
    {
        var outcome = await CliRunner.RunAsync(command, UnknownJob, "--server", server.Url);

        Assert.Equal(4, outcome.ExitCode);
        Assert.StartsWith("docstrange: JOB_NOT_FOUND: ", outcome.Stderr);
        Assert.Contains(UnknownJob, outcome.Stderr);
    }
}
