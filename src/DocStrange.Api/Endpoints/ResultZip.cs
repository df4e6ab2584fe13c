using System.IO.Compression;
using DocStrange.Document.Export;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Endpoints;

/// <summary>
/// A job's whole result as one zip: <c>result.&lt;ext&gt;</c> for each of its formats and, with
/// <c>images=files</c>, <c>images/&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c>, so the Markdown's and HTML's image links
/// resolve inside it. Built in a temporary file that goes when the answer is sent, never in memory.
/// Entry names are the service's own, never the caller's file name.
/// </summary>
internal static class ResultZip
{
    /// <summary>The media type of the download.</summary>
    public const string MediaType = "application/zip";

    /// <summary>The zip, from its start; null when a stored part is missing.</summary>
    public static async Task<Stream?> BuildAsync(Job job, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"docstrange-zip-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            bool complete;
            await using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                complete = await AddAllAsync(zip, job, blobs, cancellationToken);
            }
            if (!complete)
            {
                await file.DisposeAsync();
                return null;
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> AddAllAsync(ZipArchive zip, Job job, IBlobStore blobs, CancellationToken cancellationToken)
    {
        foreach (var format in job.Options.Formats.Distinct())
        {
            if (!await AddAsync(zip, $"result.{OutputFormats.ExtensionOf(format)}", BlobKeys.Result(job.Id, format), blobs, cancellationToken)) return false;
        }
        foreach (var image in job.Result?.Images ?? [])
        {
            if (!await AddAsync(zip, $"{PictureFiles.Folder}/{image}", BlobKeys.Image(job.Id, image), blobs, cancellationToken)) return false;
        }
        return true;
    }

    private static async Task<bool> AddAsync(ZipArchive zip, string name, string key, IBlobStore blobs, CancellationToken cancellationToken)
    {
        await using var source = await blobs.OpenReadAsync(key, cancellationToken);
        if (source is null) return false;
        // Images are compressed already; text results shrink well.
        var level = name.StartsWith(PictureFiles.Folder + "/", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
        await using var entry = await zip.CreateEntry(name, level).OpenAsync(cancellationToken);
        await source.CopyToAsync(entry, cancellationToken);
        return true;
    }
}
