using System.CommandLine;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>
/// <c>docstrange cancel JOB</c>: cancels a pending or processing job. As the API's <c>DELETE</c> does, on a job that
/// has already ended it deletes the job's stored input and results instead.
/// </summary>
internal static class CancelCommand
{
    public static Command Create() => JobCommand.Create("cancel", "Cancel a job on a DocStrange server (on an ended job: delete its stored files).",
        async (_, client, jobId, token) =>
        {
            var status = await client.CancelAsync(jobId, token);
            var outcome = status switch
            {
                { CancelRequested: true } => "cancel requested: it stops at its next page",
                { Status: JobState.Cancelled } => "cancelled",
                _ => $"{status.Status.ToWireName()}: its stored files are deleted",
            };
            await Console.Out.WriteLineAsync($"{status.JobId} {outcome}");
            return RemoteExitCodes.Done;
        });
}
