using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>Writes a job's result where the command line says: a file, or standard output.</summary>
internal static class ResultDownload
{
    /// <summary>
    /// Copies the result in <paramref name="format"/> (null: the job's first) to <paramref name="target"/>, or to
    /// standard output when it is null, as it arrives. A file is written under a temporary name and then renamed,
    /// so a download that fails leaves no partial result where a whole one is expected.
    /// </summary>
    public static async Task WriteAsync(DocStrangeClient client, string jobId, string? format, string? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await client.DownloadAsync(jobId, format, stdout, cancellationToken);
            await stdout.FlushAsync(cancellationToken);
            return;
        }
        var partial = target + ".part";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await client.DownloadAsync(jobId, format, file, cancellationToken);
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
