using System.ComponentModel.DataAnnotations;

namespace DocStrange.Storage.S3;

/// <summary>The S3-compatible object store of the distributed mode (configuration section <c>DocStrange:S3</c>).</summary>
public sealed class S3Options
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:S3";

    /// <summary>The bucket holding inputs and results.</summary>
    [Required]
    public string Bucket { get; set; } = "";

    /// <summary>The endpoint of a non-AWS server (MinIO, s3rver), e.g. <c>http://127.0.0.1:9000</c>; empty for AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region (signing region for non-AWS servers).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Address buckets by path (<c>host/bucket/key</c>), as MinIO and s3rver need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>The access key; empty to use the default AWS credential chain.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret key; never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>A prefix for every key, to share a bucket (e.g. <c>docstrange/</c>).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Uploads larger than this go as multipart uploads, in parts of this size (at least 5 MiB, S3's minimum part size).</summary>
    [Range(5 * 1024 * 1024, int.MaxValue)]
    public int PartSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// <c>GET /jobs/{id}</c> of a completed job gives as <c>result_url</c> a presigned GET URL of its
    /// first format's file in the bucket, so clients fetch results from the object store instead of
    /// through an API replica. Clients must be able to reach <see cref="ServiceUrl"/> (or AWS).
    /// </summary>
    public bool PresignResults { get; set; }

    /// <summary>How long a presigned result URL stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
