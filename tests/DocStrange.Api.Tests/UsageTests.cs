using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests;

/// <summary><c>GET /usage</c> read from the job table, <c>/system</c>'s tier, and the tier's page limit carried by the job to the worker.</summary>
public sealed class UsageTests
{
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["DocStrange:Tiers:Free:DocumentsPerDay"] = "50",
        ["DocStrange:Tiers:Free:ConcurrentJobs"] = "7",
        ["DocStrange:Tiers:Free:MaxPages"] = "1",
    };

    [Fact]
    public async Task Usage_counts_documents_bytes_and_pages_including_cache_hits()
    {
        using var factory = new ApiFactory(settings: Limits);
        var client = factory.CreateClient();
        const string text = "Usage report\n\nOne page of text.\n";
        await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.TextForm(text)));
        var cached = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.TextForm(text)));
        Assert.Equal("completed", cached.GetProperty("status").GetString());

        var usage = await client.GetFromJsonAsync<JsonElement>("/api/v1/usage");
        Assert.Equal("free", usage.GetProperty("tier").GetString());
        foreach (var period in new[] { "day", "month" })
        {
            var used = usage.GetProperty(period);
            Assert.Equal(2, used.GetProperty("documents").GetInt64());
            Assert.Equal(1, used.GetProperty("cached_documents").GetInt64());
            Assert.Equal(2, used.GetProperty("pages").GetInt64());
            Assert.Equal(2 * System.Text.Encoding.UTF8.GetByteCount(text), used.GetProperty("bytes").GetInt64());
            Assert.True(used.GetProperty("processing_time_ms").GetInt64() >= 0);
            Assert.True(used.GetProperty("resets_at").GetDateTimeOffset() > used.GetProperty("start").GetDateTimeOffset());
        }
        Assert.Equal(50, usage.GetProperty("day").GetProperty("limit").GetInt32());
        Assert.Equal(48, usage.GetProperty("day").GetProperty("remaining").GetInt64());
        Assert.Equal(JsonValueKind.Null, usage.GetProperty("month").GetProperty("limit").ValueKind);
        Assert.Equal(0, usage.GetProperty("concurrent_jobs").GetProperty("active").GetInt64());
        Assert.Equal(7, usage.GetProperty("concurrent_jobs").GetProperty("remaining").GetInt64());
        Assert.Equal(1, usage.GetProperty("limits").GetProperty("max_pages").GetInt32());
    }

    [Fact]
    public async Task Usage_is_the_callers_own()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: Limits);
        var usage = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/usage");
        Assert.Equal(0, usage.GetProperty("day").GetProperty("documents").GetInt64());
        Assert.Equal(0, usage.GetProperty("month").GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task System_shows_the_callers_tier_and_limits()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: Limits);
        var system = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/system");
        Assert.Equal("free", system.GetProperty("tier").GetString());
        var limits = system.GetProperty("limits");
        Assert.Equal(50, limits.GetProperty("documents_per_day").GetInt32());
        Assert.Equal(7, limits.GetProperty("concurrent_jobs").GetInt32());
        Assert.Equal(1, limits.GetProperty("max_pages").GetInt32());
    }

    [Fact]
    public async Task A_document_longer_than_the_tiers_page_limit_fails_naming_that_limit()
    {
        using var factory = new ApiFactory(settings: Limits);
        var client = factory.CreateClient();
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));
        var job = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.Form("multi_page.pdf", pdf)));
        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = job.GetProperty("error");
        Assert.Equal("TOO_MANY_PAGES", error.GetProperty("code").GetString());
        Assert.Contains("the limit for your tier is 1 page", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("1", 1, true)]
    [InlineData("1000000", 2000, false)]
    public async Task A_job_carries_the_page_limit_fixed_when_it_was_submitted(string tierPages, int carried, bool tiers)
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Tiers:Free:MaxPages"] = tierPages, ["DocStrange:Jobs:MaxPages"] = "2000",
        });
        var jobId = await factory.CreateClient().SubmitAsync(ApiClient.TextForm());
        var job = await factory.Services.GetRequiredService<IJobStore>().GetAsync(jobId, CancellationToken.None);
        Assert.Equal(carried, job!.Options.MaxPages);
        Assert.Equal(tiers, job.Options.MaxPagesIsTiers);
    }

    [Fact]
    public async Task Selecting_pages_within_the_tiers_limit_converts_a_longer_document()
    {
        using var factory = new ApiFactory(settings: Limits);
        var client = factory.CreateClient();
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));
        var job = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.Form("multi_page.pdf", pdf, ("pages", "3"))));
        Assert.Equal("completed", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_selection_longer_than_the_tiers_page_limit_fails_naming_the_selection_and_the_limit()
    {
        using var factory = new ApiFactory(settings: Limits);
        var client = factory.CreateClient();
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));
        var job = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.Form("multi_page.pdf", pdf, ("pages", "2-3"))));
        var error = job.GetProperty("error");
        Assert.Equal("TOO_MANY_PAGES", error.GetProperty("code").GetString());
        Assert.Equal("'pages' selects 2 of the document's 5 pages; the limit for your tier is 1 page.", error.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("details").GetProperty("selected_pages").GetInt32());
    }
}
