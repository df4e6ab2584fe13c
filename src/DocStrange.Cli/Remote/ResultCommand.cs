using System.CommandLine;
using DocStrange.Cli.Commands;
using DocStrange.Document.Export;

namespace DocStrange.Cli.Remote;

/// <summary>
/// <c>docstrange result JOB [--format F] [--output DIR | -o FILE]</c>: a completed job's result, on stdout or in a
/// file; in a folder under the name <c>convert</c> would give it.
/// </summary>
internal static class ResultCommand
{
    public static Command Create()
    {
        var format = new Option<string?>("--format", "-f") { Description = "One of the job's formats (default: its first)." };
        var outputDir = new Option<string?>("--output") { Description = "Write DIR/<input file name>.<ext>, as convert does." };
        var outputFile = new Option<string?>("-o") { Description = "Write the result to FILE." };
        return JobCommand.Create("result", "Get a completed job's result from a DocStrange server.", async (parse, client, jobId, token) =>
        {
            var (dir, target) = (parse.GetValue(outputDir), parse.GetValue(outputFile));
            OutputFormat? asked = null;
            if (parse.GetValue(format) is { } name)
            {
                if (!OutputFormats.TryParse(name, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"docstrange: --format must be markdown, json, html, csv, text, chunks or fields, not \"{name}\"");
                    return RemoteExitCodes.Usage;
                }
                asked = parsed;
            }
            if (dir is not null && target is not null)
            {
                await Console.Error.WriteLineAsync("docstrange: use -o FILE or --output DIR, not both");
                return RemoteExitCodes.Usage;
            }
            if (dir is not null)
            {
                // The file's name and the default format are the job's: one call to learn them.
                var status = await client.GetJobAsync(jobId, cancellationToken: token);
                if (asked is null && OutputFormats.TryParse(status.Formats.FirstOrDefault(), out var first)) asked = first;
                Directory.CreateDirectory(dir);
                target = ResultFiles.PathIn(dir, status.File.Name, asked ?? OutputFormat.Markdown);
            }
            await ResultDownload.WriteAsync(client, jobId, asked is { } f ? OutputFormats.NameOf(f) : null, target, token);
            return RemoteExitCodes.Done;
        }, format, outputDir, outputFile);
    }
}
