using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>Documents per day, concurrent jobs and file size per tier, checked at submit; refusals cost no quota and leave nothing behind.</summary>
public sealed class SubmissionLimitTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = LimitedHost.Clock();

    [Fact]
    public async Task Documents_past_the_daily_quota_are_quota_exceeded_with_retry_after_until_midnight()
    {
        using var factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["DocumentsPerDay"] = "2" });
        var client = factory.CreateClient();
        await client.SubmitAsync(ApiClient.TextForm("one\n"));
        await client.SubmitAsync(ApiClient.TextForm("two\n"));
        var stored = factory.StoredFiles();

        var refused = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("three\n"));
        var problem = await ApiClient.ProblemAsync(refused, 429, "QUOTA_EXCEEDED");
        // 12:00:30 UTC: the day's quota comes back in 11 h 59 min 30 s.
        Assert.Equal("43170", RateLimitTests.Header(refused, "Retry-After"));
        var details = problem.GetProperty("error").GetProperty("details");
        Assert.Equal(2, details.GetProperty("limit").GetInt32());
        Assert.Equal(2, details.GetProperty("used").GetInt32());
        Assert.Equal("day", details.GetProperty("period").GetString());
        Assert.EndsWith("T00:00:00Z", details.GetProperty("resets_at").GetString());
        Assert.Equal(stored, factory.StoredFiles());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("jobs").GetArrayLength());

        _clock.Advance(TimeSpan.FromDays(1));
        await client.SubmitAsync(ApiClient.TextForm("next day\n"));
    }

    [Fact]
    public async Task Every_file_of_a_batch_is_a_document_of_the_quota_and_the_file_past_it_is_an_error_of_its_own()
    {
        using var factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["DocumentsPerDay"] = "2" });
        var client = factory.CreateClient();
        var form = new MultipartFormDataContent();
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt" }) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(name + "\n")), "file", name);

        var response = await client.PostAsync("/api/v1/documents/batch", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["a.txt", "b.txt"], batch.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("file_name").GetString()));
        var error = Assert.Single(batch.GetProperty("errors").EnumerateArray());
        Assert.Equal("c.txt", error.GetProperty("file_name").GetString());
        Assert.Equal("QUOTA_EXCEEDED", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("jobs").GetArrayLength());
    }

    [Fact]
    public async Task Refused_submissions_and_replays_do_not_use_up_the_quota()
    {
        using var factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["DocumentsPerDay"] = "2", ["MaxFileBytes"] = "1000" });
        var client = factory.CreateClient();
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents", ApiClient.Form("setup.exe", Encoding.ASCII.GetBytes("MZ"))), 415, "INVALID_FILE_TYPE");
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents", ApiClient.TextForm(new string('x', 5000))), 413, "FILE_TOO_LARGE");
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("ocr", "sometimes"))), 400, "INVALID_REQUEST");

        Assert.Equal(HttpStatusCode.Accepted, (await SubmitWithKeyAsync(client, "k-1", "keyed\n")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitWithKeyAsync(client, "k-1", "keyed\n")).StatusCode);
        await client.SubmitAsync(ApiClient.TextForm("second document\n"));
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents", ApiClient.TextForm("third\n")), 429, "QUOTA_EXCEEDED");
    }

    [Fact]
    public async Task Jobs_past_the_concurrency_limit_are_refused_until_one_ends()
    {
        using var factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["ConcurrentJobs"] = "2" });
        var client = factory.CreateClient();
        var first = await client.SubmitAsync(ApiClient.TextForm("one\n"));
        await client.SubmitAsync(ApiClient.TextForm("two\n"));
        var stored = factory.StoredFiles();

        var refused = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("three\n"));
        var problem = await ApiClient.ProblemAsync(refused, 429, "CONCURRENCY_LIMIT_EXCEEDED");
        Assert.Equal("5", RateLimitTests.Header(refused, "Retry-After"));
        var details = problem.GetProperty("error").GetProperty("details");
        Assert.Equal(2, details.GetProperty("limit").GetInt32());
        Assert.Equal(2, details.GetProperty("active").GetInt32());
        Assert.Equal(stored, factory.StoredFiles());

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/jobs/{first}")).StatusCode);
        await client.SubmitAsync(ApiClient.TextForm("three, later\n"));
    }

    [Fact]
    public async Task A_file_over_the_tiers_size_limit_is_file_too_large_naming_the_tier_limit()
    {
        using var factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["MaxFileBytes"] = "2048" });
        var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(new string('x', 10_000)));
        var problem = await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
        var error = problem.GetProperty("error");
        Assert.Equal(2048, error.GetProperty("details").GetProperty("max_size").GetInt64());
        Assert.Equal("free", error.GetProperty("details").GetProperty("tier").GetString());
        Assert.Contains("the limit for your tier (free) is 2 KB", error.GetProperty("message").GetString());
        Assert.Empty(factory.StoredFiles());
        await client.SubmitAsync(ApiClient.TextForm(new string('x', 2000)));
    }

    private static async Task<HttpResponseMessage> SubmitWithKeyAsync(HttpClient client, string key, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = ApiClient.TextForm(text) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
