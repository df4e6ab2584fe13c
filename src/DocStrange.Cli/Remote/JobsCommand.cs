using System.CommandLine;
using DocStrange.Cli.Commands;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary><c>docstrange jobs [--status S] [--limit N]</c>: the caller's jobs on a server, newest first, one a line.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only jobs in this status: pending, processing, completed, failed or cancelled." };
        var limit = new Option<int>("--limit", "-n") { Description = "The most jobs to list (default 20).", DefaultValueFactory = _ => 20 };
        var connection = new ServerConnection();
        var command = new Command("jobs", "List your jobs on a DocStrange server, newest first.") { status, limit };
        connection.AddTo(command);
        command.SetAction((parse, ct) => RemoteCall.RunAsync(parse, connection, async (client, token) =>
        {
            var only = parse.GetValue(status);
            if (only is not null && !Enum.GetValues<JobState>().Any(s => s.ToWireName() == only))
            {
                await Console.Error.WriteLineAsync($"docstrange: --status must be pending, processing, completed, failed or cancelled, not \"{only}\"");
                return RemoteExitCodes.Usage;
            }
            var most = parse.GetValue(limit);
            if (most < 1)
            {
                await Console.Error.WriteLineAsync("docstrange: --limit must be 1 or more");
                return RemoteExitCodes.Usage;
            }
            var rows = new List<string[]>();
            await foreach (var job in client.ListAllJobsAsync(only, Math.Min(most, 100), token))
            {
                rows.Add([job.JobId, job.Status.ToWireName(), JobDescription.ProgressOf(job), job.File.Name, UtcTimes.Format(job.CreatedAt)]);
                if (rows.Count == most) break;
            }
            await TextTable.WriteAsync(Console.Out, ["ID", "STATUS", "PROGRESS", "FILE", "CREATED"], rows);
            return RemoteExitCodes.Done;
        }, ct));
        return command;
    }
}
