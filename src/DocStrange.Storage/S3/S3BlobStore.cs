using System.Buffers;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.S3;

/// <summary>
/// Blobs as objects in an S3-compatible bucket. Uploads stream: a small blob goes in one PUT, a large
/// one as a multipart upload in <see cref="S3Options.PartSize"/> parts, so no blob is ever held whole
/// in memory; downloads stream the response body.
/// </summary>
public sealed class S3BlobStore(IAmazonS3 s3, S3Options options) : IBlobStore, IBlobPresigner
{
    /// <inheritdoc />
    public Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken) =>
        Reachable(() => PutCoreAsync(key, content, cancellationToken), cancellationToken);

    // Most blobs (uploads, results) are small: they are read into a pooled buffer of this size and
    // sent in one PUT. Only a blob that fills it takes a part-size buffer, so a burst of small uploads
    // neither allocates nor zeroes megabytes per request.
    private const int SmallBlobBytes = 1024 * 1024;

    private async Task<long> PutCoreAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var head = ArrayPool<byte>.Shared.Rent(SmallBlobBytes);
        try
        {
            var first = await FillAsync(content, head.AsMemory(0, SmallBlobBytes), cancellationToken);
            if (first < SmallBlobBytes)
            {
                await PutSingleAsync(key, head, first, cancellationToken);
                return first;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(options.PartSize);
            try
            {
                head.AsSpan(0, first).CopyTo(buffer);
                var filled = first + await FillAsync(content, buffer.AsMemory(first, options.PartSize - first), cancellationToken);
                return filled < options.PartSize
                    ? await PutSingleAsync(key, buffer, filled, cancellationToken)
                    : await PutMultipartAsync(key, content, buffer, filled, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Reachable(() => OpenReadCoreAsync(key, cancellationToken), cancellationToken);

    private async Task<Stream?> OpenReadCoreAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(options.Bucket, ObjectKey(key), cancellationToken);
            return new OwnedStream(response.ResponseStream, response);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // Set once the server has shown it cannot copy objects by itself (see CopyAsync).
    private volatile bool _copyThroughHere;

    /// <inheritdoc />
    /// <remarks>
    /// A server-side copy (CopyObject). Some S3-compatible servers decode the copy source wrongly
    /// (s3rver leaves an encoded <c>/</c> in the key) and answer NoSuchKey for an object that exists:
    /// when a HEAD then finds the source, the copy is made through this process instead, and so are all
    /// later ones.
    /// </remarks>
    public Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken) =>
        Reachable(async () =>
        {
            if (!_copyThroughHere)
            {
                try
                {
                    await s3.CopyObjectAsync(new CopyObjectRequest
                    {
                        SourceBucket = options.Bucket, SourceKey = ObjectKey(sourceKey),
                        DestinationBucket = options.Bucket, DestinationKey = ObjectKey(destinationKey),
                    }, cancellationToken);
                    return true;
                }
                catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    if (!await ExistsAsync(sourceKey, cancellationToken)) return false;
                    _copyThroughHere = true;
                }
            }
            await using var source = await OpenReadCoreAsync(sourceKey, cancellationToken);
            if (source is null) return false;
            await PutCoreAsync(destinationKey, source, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(options.Bucket, ObjectKey(key), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>S3 answers a delete of a missing key with success, so no look first.</remarks>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Reachable(async () =>
        {
            await s3.DeleteObjectAsync(options.Bucket, ObjectKey(key), cancellationToken);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken) =>
        Reachable(async () =>
        {
            await DeletePrefixCoreAsync(prefix, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task DeletePrefixCoreAsync(string prefix, CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = ObjectKey(prefix) };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            // An empty listing comes back with no list at all from some servers.
            var keys = response.S3Objects ?? [];
            if (keys.Count > 0)
            {
                await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = options.Bucket,
                    Objects = [.. keys.Select(o => new KeyVersion { Key = o.Key })],
                }, cancellationToken);
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken) =>
        // A listing of a prefix that holds nothing: cheap, and it fails when the bucket or the server is away.
        Reachable(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.Bucket, Prefix = options.Prefix + "health/" }, cancellationToken), cancellationToken);

    /// <summary>Runs an S3 call, naming a network failure as the store being unreachable (the SDK lets it through as it is).</summary>
    private static async Task<T> Reachable<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BlobStoreUnavailableException("The object store did not answer.", ex);
        }
    }

    /// <summary>
    /// A time-limited GET URL for a blob, for clients to fetch results straight from the store; the
    /// answer carries <paramref name="contentType"/> and <paramref name="contentDisposition"/> when given
    /// (S3's <c>response-content-*</c> overrides), since objects are stored without them.
    /// </summary>
    public Task<string> PresignAsync(string key, string? contentType = null, string? contentDisposition = null)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = ObjectKey(key),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + options.PresignedUrlLifetime,
            Protocol = options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (contentType is not null) request.ResponseHeaderOverrides.ContentType = contentType;
        if (contentDisposition is not null) request.ResponseHeaderOverrides.ContentDisposition = contentDisposition;
        return s3.GetPreSignedURLAsync(request);
    }

    private string ObjectKey(string key) => options.Prefix + key;

    private async Task<long> PutSingleAsync(string key, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = ObjectKey(key),
            InputStream = body,
            AutoCloseStream = false,
            // Chunked signing wraps the body in aws-chunked framing that some servers store verbatim.
            UseChunkEncoding = false,
        }, cancellationToken);
        return length;
    }

    private async Task<long> PutMultipartAsync(string key, Stream content, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = ObjectKey(key) }, cancellationToken);
        var parts = new List<PartETag>();
        long total = 0;
        try
        {
            for (var number = 1; filled > 0; number++)
            {
                using var body = new MemoryStream(buffer, 0, filled, writable: false);
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = options.Bucket, Key = ObjectKey(key), UploadId = upload.UploadId,
                    PartNumber = number, InputStream = body, PartSize = filled, UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
                total += filled;
                filled = await FillAsync(content, buffer.AsMemory(0, options.PartSize), cancellationToken);
            }
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = options.Bucket, Key = ObjectKey(key), UploadId = upload.UploadId, PartETags = parts,
            }, cancellationToken);
            return total;
        }
        catch
        {
            await s3.AbortMultipartUploadAsync(options.Bucket, ObjectKey(key), upload.UploadId, CancellationToken.None);
            throw;
        }
    }

    private static async Task<int> FillAsync(Stream content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer[filled..], cancellationToken)) > 0) filled += read;
        return filled;
    }

    /// <summary>The body of a GET, which disposes the response with it.</summary>
    private sealed class OwnedStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
