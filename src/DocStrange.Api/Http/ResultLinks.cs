using DocStrange.Document.Export;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Http;

/// <summary>
/// The <c>result_url</c> of a job view: the API's own <c>/result</c> route, or, where the store offers
/// an <see cref="IBlobPresigner"/> (an S3 bucket with <c>DocStrange:S3:PresignResults</c>), a presigned
/// GET URL of the first format's file, so the bytes of results need not pass through an API replica.
/// </summary>
internal sealed class ResultLinks(TimeProvider time, IBlobPresigner? presigner = null)
{
    /// <summary>The link for <paramref name="job"/>, or null when it has no result to fetch.</summary>
    public async Task<string?> ForAsync(Job job)
    {
        if (job.State != JobState.Completed || job.Purged) return null;
        var route = $"/api/v1/jobs/{job.Id}/result";
        // An expired result is left to the route, which says so (RESULT_EXPIRED) where a bucket would only say 404.
        if (presigner is null || job.ResultExpiresAt <= time.GetUtcNow()) return route;
        var format = job.Options.Formats[0];
        return await presigner.PresignAsync(BlobKeys.Result(job.Id, format), OutputFormats.MediaTypeOf(format),
            AttachmentDisposition.For($"{job.Input.FileName}.{OutputFormats.ExtensionOf(format)}"));
    }
}
