using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class UsageTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["DocStrange:Tiers:Free:DocumentsPerDay"] = "40",
        ["DocStrange:Tiers:Free:RequestsPerMinute"] = "500",
    });

    [Fact]
    public async Task Usage_reads_the_callers_documents_and_limits()
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var job = await client.SubmitAsync(new MemoryStream("Usage from the client\n"u8.ToArray()), "usage.txt");
        await client.WaitForCompletionAsync(job.JobId, TimeSpan.FromSeconds(60));

        var usage = await client.GetUsageAsync();
        Assert.Equal("free", usage.Tier);
        Assert.Equal(1, usage.Day.Documents);
        Assert.Equal(1, usage.Month.Documents);
        Assert.Equal(1, usage.Day.Pages);
        Assert.Equal(40, usage.Day.Limit);
        Assert.Equal(39, usage.Day.Remaining);
        Assert.Null(usage.Month.Limit);
        Assert.Equal(500, usage.Limits.RequestsPerMinute);
        Assert.True(usage.Day.ResetsAt > DateTimeOffset.UtcNow);
        Assert.Equal(0, usage.ConcurrentJobs.Active);

        var system = await client.GetSystemAsync();
        Assert.Equal("free", system.Tier);
        Assert.Equal(40, system.Limits.DocumentsPerDay);
    }

    public void Dispose() => _factory.Dispose();
}
