using System.Net;
using System.Text;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class IntakeTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string> { ["DocStrange:Uploads:ChunkBytes"] = "4096" });

    private DocStrangeClient Client() => new(_factory.CreateClient());

    [Fact]
    public async Task A_batch_names_its_jobs_and_refused_files()
    {
        var batch = await Client().SubmitBatchAsync([(TestFiles.Text("one\n"), "one.txt"), (new MemoryStream(), "empty.txt")],
            new SubmitOptions { OutputFormats = ["text"] });
        Assert.Equal("one.txt", Assert.Single(batch.Jobs).FileName);
        var error = Assert.Single(batch.Errors);
        Assert.Equal(("empty.txt", ErrorCodes.FileEmpty), (error.FileName, error.Error.Code));
    }

    [Fact]
    public async Task Sync_returns_the_result()
    {
        var outcome = await Client().ConvertSyncAsync(TestFiles.Text("Sync body.\n"), "s.txt", wait: TimeSpan.FromSeconds(30));
        Assert.True(outcome.Completed);
        Assert.Contains("Sync body.", outcome.Result!.Content);
    }

    [Fact]
    public async Task From_url_refusals_are_api_exceptions()
    {
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => Client().SubmitFromUrlAsync("http://169.254.169.254/latest/"));
        Assert.Equal(ErrorCodes.UrlNotAllowed, error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_resumable_upload_goes_on_from_the_servers_offset_and_converts()
    {
        var text = string.Concat(Enumerable.Range(1, 400).Select(i => $"Line {i} of a document sent in chunks.\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        var client = Client();

        // A first attempt stops after one chunk (the stream fails), leaving the upload part-way.
        string? uploadId = null;
        await Assert.ThrowsAnyAsync<IOException>(() => client.UploadResumableAsync(new FailingAfter(bytes, 5000), "doc.txt", bytes.Length,
            started: u => uploadId = u.UploadId, maxRetries: 0));
        Assert.Equal(4096, (await client.GetUploadAsync(uploadId!)).Offset);

        var offsets = new Recorder<long>();
        var job = await client.UploadResumableAsync(new MemoryStream(bytes), "doc.txt", bytes.Length, new SubmitOptions { OutputFormats = ["text"] },
            uploadId: uploadId, progress: offsets);
        Assert.Equal(8192, offsets.Items[0]);
        Assert.Equal(bytes.Length, offsets.Items[^1]);
        var done = await client.WaitForCompletionAsync(job.JobId, TimeSpan.FromSeconds(30));
        Assert.Equal(JobState.Completed, done.Status);
        Assert.Contains("Line 400 of a document sent in chunks.", (await client.GetResultAsync(job.JobId)).Content);
    }

    /// <summary>A stream that breaks after <c>failAt</c> bytes, like a file on a disconnected share.</summary>
    private sealed class FailingAfter(byte[] bytes, int failAt) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAt) throw new IOException("The source broke off.");
            return base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAt - Position)], cancellationToken);
        }
    }

    public void Dispose() => _factory.Dispose();
}
