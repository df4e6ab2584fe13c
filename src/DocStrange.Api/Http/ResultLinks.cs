using DocStrange.Document.Export;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Storage.S3;

namespace DocStrange.Api.Http;

/// <summary>
/// The <c>result_url</c> of a job view: the API's own <c>/result</c> route, or, with
/// <see cref="S3Options.PresignResults"/> in the distributed mode, a presigned GET URL of the first
/// format's file in the bucket, so the bytes of results need not pass through an API replica.
/// </summary>
internal sealed class ResultLinks(IBlobStore blobs, TimeProvider time, S3Options? s3 = null)
{
    private readonly S3BlobStore? _presigner = s3 is { PresignResults: true } ? blobs as S3BlobStore : null;

    /// <summary>The link for <paramref name="job"/>, or null when it has no result to fetch.</summary>
    public async Task<string?> ForAsync(Job job)
    {
        if (job.State != JobState.Completed || job.Purged) return null;
        var route = $"/api/v1/jobs/{job.Id}/result";
        // An expired result is left to the route, which says so (RESULT_EXPIRED) where a bucket would only say 404.
        if (_presigner is null || job.ResultExpiresAt <= time.GetUtcNow()) return route;
        var format = job.Options.Formats[0];
        return await _presigner.PresignAsync(BlobKeys.Result(job.Id, format), OutputFormats.MediaTypeOf(format),
            AttachmentDisposition.For($"{job.Input.FileName}.{OutputFormats.ExtensionOf(format)}"));
    }
}
