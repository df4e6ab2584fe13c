using System.ComponentModel.DataAnnotations;

namespace DocStrange.Api.Intake;

/// <summary>Resumable uploads (configuration section <c>DocStrange:Uploads</c>).</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Uploads";

    /// <summary>The largest file a resumable upload may carry (default 5 GiB), beside the single-request limit.</summary>
    [Range(1, long.MaxValue)]
    public long MaxResumableBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>The largest chunk one <c>PATCH</c> may carry (default 16 MiB); a proxy in front must allow bodies this large.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long ChunkBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most chunks one upload may be made of.</summary>
    [Range(1, 100_000)]
    public int MaxChunks { get; set; } = 10_000;

    /// <summary>How long an upload may take from its creation; after that it and its chunks are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often an API process looks for expired uploads to delete.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JanitorInterval { get; set; } = TimeSpan.FromMinutes(10);
}
