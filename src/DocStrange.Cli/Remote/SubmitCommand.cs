using System.CommandLine;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DocStrange.Cli.Commands;
using DocStrange.Cli.Progress;
using DocStrange.Client;
using DocStrange.Document.Export;

namespace DocStrange.Cli.Remote;

/// <summary>
/// <c>docstrange submit FILE... [conversion options] [--wait] [--output DIR | -o FILE]</c>: uploads files to a
/// server as jobs. Without waiting it prints the job ids; waiting, it follows each job's progress and writes the
/// results under the names <c>convert</c> gives them, so the two can be compared.
/// </summary>
internal static class SubmitCommand
{
    /// <summary>Files uploaded and followed at once: enough to keep a server's workers busy, few enough for one screen of bars.</summary>
    private const int FilesAtOnce = 4;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The documents to submit." };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow each job to its end and write its result (stdout for one file)." };
        var outputDir = new Option<string?>("--output") { Description = "Wait, and write DIR/<input file name>.<ext> for each input, as convert does." };
        var outputFile = new Option<string?>("-o") { Description = "Wait, and write the one input's result to FILE." };
        var priority = new Option<string?>("--priority") { Description = "express, normal (the server's default) or batch." };
        var conversion = new ConversionOptionSet();
        var connection = new ServerConnection();
        var command = new Command("submit", "Submit documents to a DocStrange server as jobs.") { files, wait, outputDir, outputFile, priority };
        conversion.AddTo(command);
        connection.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (conversion.Read(parse, out var problem) is not { } choices) return await UsageAsync(problem!);
            if (parse.GetValue(priority) is { } asked && asked is not ("express" or "normal" or "batch"))
            {
                return await UsageAsync($"--priority must be express, normal or batch, not \"{asked}\"");
            }
            var (inputs, dir, file) = (parse.GetValue(files)!, parse.GetValue(outputDir), parse.GetValue(outputFile));
            if (dir is not null && file is not null || file is not null && inputs.Length > 1)
            {
                return await UsageAsync("use -o FILE with one input, or --output DIR with any number");
            }
            var waiting = parse.GetValue(wait) || dir is not null || file is not null;
            if (waiting && inputs.Length > 1 && dir is null) return await UsageAsync("waiting for several files needs --output DIR for their results");
            // Image files are named by page and number, so two inputs' images would take each other's names.
            if (choices.Export.Images == ImageMode.Files && waiting && (inputs.Length != 1 || dir is null && file is null))
            {
                return await UsageAsync("--images files, waited for, takes one input and --output DIR or -o FILE, next to which it writes images/ (without waiting, the images stay with the job)");
            }
            var submission = new Submission(inputs, SubmitOptionsOf.From(choices, parse.GetValue(priority)), choices, waiting, dir, file);
            return await RemoteCall.RunAsync(parse, connection, submission.RunAsync, ct);
        });
        return command;
    }

    private static async Task<int> UsageAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"docstrange: {problem}");
        return RemoteExitCodes.Usage;
    }

    /// <summary>One run of <c>submit</c>: its files, what to ask for, and where the results go.</summary>
    private sealed record Submission(string[] Files, SubmitOptions Options, ConversionChoices Choices, bool Waiting, string? OutputDir, string? OutputFile)
    {
        /// <summary>
        /// Where a result bound for standard output waits until the progress board is gone: written while live bars
        /// redraw the same terminal, it would be drawn over.
        /// </summary>
        private string StandardOutputCopy { get; } = Path.Combine(Path.GetTempPath(), $"docstrange-result-{Guid.NewGuid():N}");

        public async Task<int> RunAsync(DocStrangeClient client, CancellationToken cancellationToken)
        {
            // One call first, so that an unreachable server or a bad key is said once, not once per file.
            await client.GetSystemAsync(cancellationToken);
            if (OutputDir is not null) Directory.CreateDirectory(OutputDir);
            var board = ProgressBoard.ForStandardError(lines: Waiting);
            var summary = new RunSummary();
            var jobIds = new ConcurrentDictionary<int, string>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = FilesAtOnce, CancellationToken = cancellationToken };
            await board.RunAsync(() => Parallel.ForEachAsync(Files.Index(), parallel, async (entry, ct) =>
            {
                var progress = board.Add(entry.Item);
                try
                {
                    if (await SubmitOneAsync(client, entry.Item, progress, summary, ct) is { } jobId) jobIds[entry.Index] = jobId;
                }
                catch (DocStrangeApiException ex)
                {
                    summary.Failure();
                    progress.Fail(RemoteCall.Describe(ex));
                }
            }));
            await CopyToStandardOutputAsync(cancellationToken);
            if (!Waiting)
            {
                // In input order; with several files each id is followed by its file, so a script can pair them.
                foreach (var (index, jobId) in jobIds.OrderBy(e => e.Key))
                {
                    await Console.Out.WriteLineAsync(Files.Length == 1 ? jobId : $"{jobId}\t{Files[index]}");
                }
            }
            else if (Files.Length > 1 || ProgressBoard.IsTerminal)
            {
                await Console.Error.WriteLineAsync(summary.Line());
            }
            return summary.Failed == 0 ? RemoteExitCodes.Done : RemoteExitCodes.JobFailed;
        }

        private async Task CopyToStandardOutputAsync(CancellationToken cancellationToken)
        {
            if (!File.Exists(StandardOutputCopy)) return;
            try
            {
                await using var result = File.OpenRead(StandardOutputCopy);
                await using var stdout = Console.OpenStandardOutput();
                await result.CopyToAsync(stdout, cancellationToken);
            }
            finally
            {
                File.Delete(StandardOutputCopy);
            }
        }

        /// <summary>Submits one file and, when waiting, follows it and writes its result; returns its job id.</summary>
        private async Task<string?> SubmitOneAsync(DocStrangeClient client, string path, FileProgress progress, RunSummary summary, CancellationToken cancellationToken)
        {
            if (!File.Exists(path))
            {
                summary.Failure();
                progress.Fail("no such file");
                return null;
            }
            var clock = Stopwatch.StartNew();
            var submitted = await client.SubmitFileAsync(path, Options, cancellationToken);
            if (!Waiting)
            {
                summary.Converted(0);
                progress.Succeed($"submitted as {submitted.JobId}");
                return submitted.JobId;
            }
            // The final status is said once, by Succeed or Fail below, not also as progress.
            var job = await JobFollower.FollowAsync(client, submitted.JobId, j =>
            {
                if (!j.IsFinal) progress.Report(JobFollower.SnapshotOf(j));
            }, cancellationToken);
            if (job.Status != JobState.Completed)
            {
                summary.Failure();
                progress.Fail($"{job.JobId}: {JobFollower.FailureOf(job)}");
                return job.JobId;
            }
            var target = OutputFile ?? (OutputDir is null ? null : ResultFiles.PathIn(OutputDir, path, Choices.Format));
            await ResultDownload.WriteAsync(client, job.JobId, format: null, target ?? StandardOutputCopy, cancellationToken);
            if (Choices.Export.Images == ImageMode.Files && target is not null)
            {
                await ResultImages.WriteAsync(client, job.JobId, Path.GetDirectoryName(Path.GetFullPath(target))!, cancellationToken);
            }
            var pages = job.Progress.PagesTotal ?? job.Progress.PagesDone;
            summary.Converted(pages);
            progress.Succeed(string.Create(CultureInfo.InvariantCulture,
                $"{job.JobId}: {pages} {(pages == 1 ? "page" : "pages")} in {clock.Elapsed.TotalSeconds:0.0} s{(target is null ? "" : $" -> {target}")}"));
            return job.JobId;
        }
    }
}
