using System.CommandLine;
using DocStrange.Storage;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange api</c>: one stateless API replica of the distributed mode (PostgreSQL, S3, Redis
/// from configuration); run as many as needed behind a load balancer. No workers run here.
/// </summary>
internal static class ApiCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {ServeCommand.DefaultUrl}, or the urls setting)." };
        var command = new Command("api", "Run one API replica (distributed mode: PostgreSQL, S3 and Redis).") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            // Workers are not given this: a conversion continuing after an awaited read would hold the I/O thread.
            SocketCompletions.InlineUnlessSet();
            var settings = new List<string>(parse.UnmatchedTokens);
            HostSetup.Add(settings, "urls", parse.GetValue(urls));
            return HostSetup.RunAsync(() => ServeCommand.Build([.. settings], StorageModes.Distributed, withWorkers: false), ct);
        });
        return command;
    }
}
