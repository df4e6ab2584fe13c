using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class ListTests : IDisposable
{
    // No workers: the jobs stay pending, so the list is exactly what the test made.
    private readonly ApiFactory _factory = new(withWorkers: false);

    [Fact]
    public async Task All_jobs_are_listed_across_pages_newest_first()
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var submitted = new List<SubmittedJob>();
        for (var i = 0; i < 5; i++) submitted.Add(await client.SubmitAsync(TestFiles.Text($"Document {i}\n"), $"doc{i}.txt"));

        var first = await client.ListJobsAsync(limit: 2);
        Assert.Equal(2, first.Jobs.Count);
        Assert.True(first.HasMore);
        Assert.NotNull(first.NextCursor);
        var second = await client.ListJobsAsync(limit: 2, cursor: first.NextCursor);
        Assert.Equal(2, second.Jobs.Count);
        Assert.Empty(first.Jobs.Select(j => j.JobId).Intersect(second.Jobs.Select(j => j.JobId)));

        var all = new List<JobStatus>();
        await foreach (var job in client.ListAllJobsAsync(pageSize: 2)) all.Add(job);
        Assert.Equal(submitted.Select(s => s.JobId).Order(), all.Select(j => j.JobId).Order());
        Assert.Equal(all.OrderByDescending(j => j.CreatedAt).Select(j => j.CreatedAt), all.Select(j => j.CreatedAt));
        Assert.All(all, j => Assert.Equal(JobState.Pending, j.Status));
        Assert.Equal(first.Jobs.Concat(second.Jobs).Select(j => j.JobId), all.Take(4).Select(j => j.JobId));
    }

    [Fact]
    public async Task The_status_filter_is_kept_across_pages()
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add((await client.SubmitAsync(TestFiles.Text($"Document {i}\n"), $"doc{i}.txt")).JobId);
        foreach (var id in ids.Take(3)) await client.CancelAsync(id);

        var cancelled = new List<string>();
        await foreach (var job in client.ListAllJobsAsync(JobState.Cancelled.ToWireName(), pageSize: 2)) cancelled.Add(job.JobId);
        Assert.Equal(ids.Take(3).Order(), cancelled.Order());

        var pending = await client.ListJobsAsync("pending");
        Assert.Equal([ids[3]], pending.Jobs.Select(j => j.JobId));
        Assert.False(pending.HasMore);
        Assert.Null(pending.NextCursor);
    }

    [Fact]
    public async Task A_wrong_filter_is_an_invalid_request()
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.ListJobsAsync("sleeping"));
        Assert.Equal(ErrorCodes.InvalidRequest, error.Code);
        Assert.Equal("status", error.Details["field"].GetString());
    }

    public void Dispose() => _factory.Dispose();
}
