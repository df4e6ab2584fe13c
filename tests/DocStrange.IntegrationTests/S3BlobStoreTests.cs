using System.Security.Cryptography;
using System.Text;
using DocStrange.Storage.S3;

namespace DocStrange.IntegrationTests;

/// <summary>The S3 blob store against a real S3 server, under a fresh key prefix per test.</summary>
public sealed class S3BlobStoreTests : IDisposable
{
    private readonly S3Options _options = Servers.NewS3Options();
    private readonly Amazon.S3.AmazonS3Client _client;
    private readonly S3BlobStore _store;

    public S3BlobStoreTests()
    {
        _client = Servers.S3Client(_options);
        _store = new S3BlobStore(_client, _options);
    }

    [Fact]
    public async Task A_small_blob_reads_back_byte_for_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("hello, bucket");
        Assert.Equal(bytes.Length, await _store.PutAsync("jobs/job_a/input", new MemoryStream(bytes), default));
        Assert.Equal(bytes, await ReadAsync("jobs/job_a/input"));
    }

    [Fact]
    public async Task A_large_blob_goes_up_in_parts_from_a_stream_of_unknown_length_and_reads_back_intact()
    {
        var bytes = RandomNumberGenerator.GetBytes(12 * 1024 * 1024 + 12345);
        var size = await _store.PutAsync("jobs/job_b/input", new OneWayStream(bytes), default);
        Assert.Equal(bytes.Length, size);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAsync("jobs/job_b/input")));
    }

    [Fact]
    public async Task A_blob_larger_than_the_small_buffer_but_under_one_part_reads_back_intact()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 7);
        Assert.Equal(bytes.Length, await _store.PutAsync("jobs/job_m/input", new OneWayStream(bytes), default));
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAsync("jobs/job_m/input")));
    }

    [Fact]
    public async Task A_blob_is_copied_inside_the_bucket_and_a_missing_source_copies_nothing()
    {
        var bytes = Encoding.UTF8.GetBytes("# cached result");
        await _store.PutAsync("jobs/job_e/result.md", new MemoryStream(bytes), default);

        Assert.True(await _store.CopyAsync("jobs/job_e/result.md", "jobs/job_f/result.md", default));
        Assert.Equal(bytes, await ReadAsync("jobs/job_f/result.md"));
        Assert.False(await _store.CopyAsync("jobs/job_none/result.md", "jobs/job_g/result.md", default));
        Assert.Null(await _store.OpenReadAsync("jobs/job_g/result.md", default));
    }

    [Fact]
    public async Task A_missing_blob_is_null()
    {
        Assert.Null(await _store.OpenReadAsync("jobs/job_none/input", default));
    }

    [Fact]
    public async Task Deleting_a_prefix_removes_only_what_is_under_it()
    {
        await _store.PutAsync("jobs/job_c/input", new MemoryStream([1]), default);
        await _store.PutAsync("jobs/job_c/result.md", new MemoryStream([2]), default);
        await _store.PutAsync("jobs/job_d/input", new MemoryStream([3]), default);

        await _store.DeletePrefixAsync("jobs/job_c/", default);
        await _store.DeletePrefixAsync("jobs/job_nothing/", default);

        Assert.Null(await _store.OpenReadAsync("jobs/job_c/input", default));
        Assert.Null(await _store.OpenReadAsync("jobs/job_c/result.md", default));
        Assert.Equal([3], await ReadAsync("jobs/job_d/input"));
    }

    [Fact]
    public async Task Deleting_one_key_removes_only_that_object_and_a_missing_key_is_harmless()
    {
        await _store.PutAsync("jobs/job_k/result.md", new MemoryStream([1]), default);
        await _store.PutAsync("jobs/job_k/result.md.bak", new MemoryStream([2]), default);

        await _store.DeleteAsync("jobs/job_k/result.md", default);
        await _store.DeleteAsync("jobs/job_nothing/input", default);

        Assert.Null(await _store.OpenReadAsync("jobs/job_k/result.md", default));
        Assert.Equal([2], await ReadAsync("jobs/job_k/result.md.bak"));
    }

    [Fact]
    public async Task A_presigned_url_serves_the_blob_without_credentials()
    {
        await _store.PutAsync("jobs/job_e/result.md", new MemoryStream("# result"u8.ToArray()), default);
        var url = await _store.PresignAsync("jobs/job_e/result.md");
        using var http = new HttpClient();
        Assert.Equal("# result", await http.GetStringAsync(url));
    }

    [Fact]
    public async Task Ping_fails_for_a_bucket_that_does_not_exist()
    {
        await _store.PingAsync(default);
        var other = new S3Options { Bucket = "no-such-bucket", ServiceUrl = _options.ServiceUrl, AccessKey = "S3RVER", SecretKey = "S3RVER" };
        await Assert.ThrowsAnyAsync<Amazon.S3.AmazonS3Exception>(() => new S3BlobStore(_client, other).PingAsync(default));
    }

    private async Task<byte[]> ReadAsync(string key)
    {
        await using var stream = await _store.OpenReadAsync(key, default);
        Assert.NotNull(stream);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A stream that can only be read forwards and does not know its length, like an upload.</summary>
    private sealed class OneWayStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 70_000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
