using System.Text;
using DocStrange.Storage.FileSystem;

namespace DocStrange.Storage.Tests;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-blobs-").FullName;

    [Fact]
    public async Task A_blob_reads_back_and_is_deleted_by_prefix()
    {
        var store = new FileSystemBlobStore(_dir);
        var size = await store.PutAsync("jobs/job_a/input", new MemoryStream(Encoding.UTF8.GetBytes("hello")), default);
        await store.PutAsync("jobs/job_a/result.md", new MemoryStream("# x"u8.ToArray()), default);
        Assert.Equal(5, size);

        await using (var stream = await store.OpenReadAsync("jobs/job_a/input", default))
        {
            Assert.NotNull(stream);
            Assert.Equal("hello", await new StreamReader(stream).ReadToEndAsync());
        }

        await store.DeletePrefixAsync("jobs/job_a/result.", default);
        Assert.Null(await store.OpenReadAsync("jobs/job_a/result.md", default));
        await using (var kept = await store.OpenReadAsync("jobs/job_a/input", default))
        {
            Assert.NotNull(kept);
        }

        await store.DeletePrefixAsync("jobs/job_a/", default);
        Assert.Null(await store.OpenReadAsync("jobs/job_a/input", default));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_blob_is_copied_to_another_key_and_a_missing_source_copies_nothing()
    {
        var store = new FileSystemBlobStore(_dir);
        await store.PutAsync("jobs/job_e/result.md", new MemoryStream("# cached"u8.ToArray()), default);

        Assert.True(await store.CopyAsync("jobs/job_e/result.md", "jobs/job_f/result.md", default));
        await using (var copy = await store.OpenReadAsync("jobs/job_f/result.md", default))
        {
            Assert.NotNull(copy);
            Assert.Equal("# cached", await new StreamReader(copy).ReadToEndAsync());
        }
        Assert.False(await store.CopyAsync("jobs/job_none/result.md", "jobs/job_g/result.md", default));
        Assert.False(Directory.Exists(Path.Combine(_dir, "jobs", "job_g")) && Directory.EnumerateFiles(Path.Combine(_dir, "jobs", "job_g")).Any());
    }

    [Fact]
    public async Task Deleting_the_last_blob_of_a_job_removes_its_folder()
    {
        var store = new FileSystemBlobStore(_dir);
        await store.PutAsync("jobs/job_c/input", new MemoryStream([1, 2, 3]), default);
        await store.DeletePrefixAsync("jobs/job_c/input", default);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Deleting_one_key_leaves_the_keys_it_is_a_prefix_of()
    {
        var store = new FileSystemBlobStore(_dir);
        await store.PutAsync("jobs/job_h/result.md", new MemoryStream([1]), default);
        await store.PutAsync("jobs/job_h/result.md.bak", new MemoryStream([2]), default);

        await store.DeleteAsync("jobs/job_h/result.md", default);
        Assert.Null(await store.OpenReadAsync("jobs/job_h/result.md", default));
        await using (var kept = await store.OpenReadAsync("jobs/job_h/result.md.bak", default))
        {
            Assert.NotNull(kept);
        }

        await store.DeleteAsync("jobs/job_h/result.md.bak", default);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Deleting_what_is_not_there_is_harmless()
    {
        var store = new FileSystemBlobStore(_dir);
        await store.DeletePrefixAsync("jobs/job_none/", default);
        await store.DeletePrefixAsync("jobs/job_none/input", default);
        await store.DeleteAsync("jobs/job_none/input", default);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_behind()
    {
        var store = new FileSystemBlobStore(_dir);
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("jobs/job_b/input", new FailingStream(), default));
        Assert.Null(await store.OpenReadAsync("jobs/job_b/input", default));
        Assert.Empty(Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("jobs/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("jobs\\x")]
    public async Task Keys_cannot_leave_the_root(string key)
    {
        var store = new FileSystemBlobStore(_dir);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1]), default));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream() : base(new byte[100_000]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 1 ? throw new IOException("connection reset") : base.ReadAsync(buffer, cancellationToken);
    }
}
