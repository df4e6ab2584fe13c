using System.CommandLine;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>The shape of the commands about one job (<c>status</c>, <c>result</c>, <c>cancel</c>, <c>events</c>): a job id, the server options, their own options.</summary>
internal static class JobCommand
{
    /// <summary>What such a command does, given the job id and a client of the server.</summary>
    public delegate Task<int> Action(ParseResult parse, DocStrangeClient client, string jobId, CancellationToken cancellationToken);

    public static Command Create(string name, string description, Action action, params Option[] options)
    {
        var job = new Argument<string>("job") { Description = "The job's id (job_…)." };
        var connection = new ServerConnection();
        var command = new Command(name, description) { job };
        foreach (var option in options) command.Options.Add(option);
        connection.AddTo(command);
        command.SetAction((parse, ct) => RemoteCall.RunAsync(parse, connection, (client, token) => action(parse, client, parse.GetValue(job)!, token), ct));
        return command;
    }
}
