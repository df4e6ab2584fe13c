using System.CommandLine;

namespace DocStrange.Cli.Remote;

/// <summary><c>docstrange status JOB [--wait SECONDS]</c>: a job's status, progress, file and error, one fact a line.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var wait = new Option<int?>("--wait") { Description = "Answer as soon as the job's status changes, or after this many seconds." };
        return JobCommand.Create("status", "Show a job on a DocStrange server.", async (parse, client, jobId, token) =>
        {
            var seconds = parse.GetValue(wait);
            if (seconds < 0)
            {
                await Console.Error.WriteLineAsync("docstrange: --wait must be 0 or more seconds");
                return RemoteExitCodes.Usage;
            }
            var status = await client.GetJobAsync(jobId, seconds is { } s ? TimeSpan.FromSeconds(s) : null, token);
            foreach (var row in JobDescription.Rows(status)) await Console.Out.WriteLineAsync($"{row[0],-10} {row[1]}");
            return RemoteExitCodes.Done;
        }, wait);
    }
}
