using System.IO.Compression;
using DocStrange.Client;

namespace DocStrange.Cli.Remote;

/// <summary>
/// Writes the image files of a result made with <c>images=files</c> into <c>DIR/images/</c>, as <c>convert</c>
/// writes them next to its output, so the downloaded Markdown's <c>images/…</c> links resolve. They come in
/// the result's zip, one request whatever their number.
/// </summary>
internal static class ResultImages
{
    private const string Folder = "images/";

    /// <summary>Downloads the job's zip and writes each of its <c>images/</c> files under <paramref name="dir"/>; the number written.</summary>
    public static async Task<int> WriteAsync(DocStrangeClient client, string jobId, string dir, CancellationToken cancellationToken)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"docstrange-result-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = new FileStream(zip, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await client.DownloadAsync(jobId, "zip", file, cancellationToken);
            }
            using var archive = ZipFile.OpenRead(zip);
            var written = 0;
            foreach (var entry in archive.Entries)
            {
                // Only plain names under images/: an entry naming another folder is not written anywhere.
                if (!entry.FullName.StartsWith(Folder, StringComparison.Ordinal)) continue;
                var name = entry.FullName[Folder.Length..];
                if (name.Length == 0 || name != Path.GetFileName(name) || name is "." or "..") continue;
                var target = Path.Combine(dir, "images", name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var partial = target + ".part";
                try
                {
                    await using (var source = entry.Open())
                    await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                    {
                        await source.CopyToAsync(output, cancellationToken);
                    }
                    File.Move(partial, target, overwrite: true);
                }
                finally
                {
                    File.Delete(partial);
                }
                written++;
            }
            return written;
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
