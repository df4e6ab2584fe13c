using System.CommandLine;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>
/// <c>docstrange events JOB</c>: follows a job's event stream, one line per change on stdout, until the job ends;
/// the exit code says how it ended.
/// </summary>
internal static class EventsCommand
{
    public static Command Create() => JobCommand.Create("events", "Follow a job's progress on a DocStrange server until it ends.",
        async (_, client, jobId, token) =>
        {
            string? last = null;
            var final = await JobFollower.FollowAsync(client, jobId, status =>
            {
                // A keep-alive repeats the job unchanged: it is not a change to print.
                var line = JobDescription.EventLine(status);
                if (line == last) return;
                last = line;
                Console.Out.WriteLine(line);
                Console.Out.Flush();
            }, token);
            return final.Status == JobState.Completed ? RemoteExitCodes.Done : RemoteExitCodes.JobFailed;
        });
}
