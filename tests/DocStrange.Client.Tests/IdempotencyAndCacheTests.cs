using System.Text;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class IdempotencyAndCacheTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task The_same_key_returns_the_same_job_and_an_identical_request_is_served_from_the_cache()
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var options = new SubmitOptions { IdempotencyKey = "client-key-1" };
        var first = await client.SubmitAsync(new MemoryStream(Encoding.UTF8.GetBytes("Keyed text\n")), "keyed.txt", options);
        var again = await client.SubmitAsync(new MemoryStream(Encoding.UTF8.GetBytes("Keyed text\n")), "keyed.txt", options);
        Assert.Equal(first.JobId, again.JobId);

        var done = await client.WaitForCompletionAsync(first.JobId, TimeSpan.FromSeconds(60));
        Assert.Equal(JobState.Completed, done.Status);
        Assert.False(done.Cached);
        Assert.Null(done.Webhook);

        var cached = await client.SubmitAsync(new MemoryStream(Encoding.UTF8.GetBytes("Keyed text\n")), "keyed.txt");
        Assert.True(cached.Cached);
        Assert.NotEqual(first.JobId, cached.JobId);
        var status = await client.GetJobAsync(cached.JobId);
        Assert.True(status.Cached);
        Assert.True((await client.GetResultAsync(cached.JobId)).Metadata.Cached);
    }

    public void Dispose() => _factory.Dispose();
}
