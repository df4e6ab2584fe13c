using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>A caller sees only its own jobs: another tenant's are 404 on every route, and results are never shared through the cache.</summary>
public sealed class TenantIsolationTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: Tenants.Settings());

    [Fact]
    public async Task Another_tenants_job_is_not_found_on_every_job_route_and_absent_from_its_list()
    {
        var (_, a) = await _factory.CreateKeyAsync("tenant a");
        var (_, b) = await _factory.CreateKeyAsync("tenant b");
        var owner = _factory.WithKey(a);
        var jobId = await owner.SubmitAsync(ApiClient.TextForm("Tenant A's secret plans\n"));
        Assert.Equal("completed", (await owner.WaitFinalAsync(jobId)).GetProperty("status").GetString());

        foreach (var stranger in new[] { _factory.WithKey(b), _factory.CreateClient() })
        {
            foreach (var path in new[] { "", "?wait=1", "/result", "/download", "/events" })
            {
                await ApiClient.ProblemAsync(await stranger.GetAsync($"/api/v1/jobs/{jobId}{path}"), 404, "JOB_NOT_FOUND");
            }
            await ApiClient.ProblemAsync(await stranger.DeleteAsync($"/api/v1/jobs/{jobId}"), 404, "JOB_NOT_FOUND");
            var page = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
            Assert.Empty(page.GetProperty("jobs").EnumerateArray());
        }

        // The strangers' deletes did nothing: the owner still has its job and its result.
        var result = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result");
        Assert.Contains("secret plans", result.GetProperty("content").GetString());
        var own = await owner.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.Equal(jobId, Assert.Single(own.GetProperty("jobs").EnumerateArray()).GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task The_result_cache_is_not_shared_across_tenants()
    {
        var (_, a) = await _factory.CreateKeyAsync("tenant a");
        var (_, b) = await _factory.CreateKeyAsync("tenant b");
        var first = _factory.WithKey(a);
        const string text = "Quarterly numbers nobody else should learn about\n";
        await first.WaitFinalAsync(await first.SubmitAsync(ApiClient.TextForm(text)));

        var other = await _factory.WithKey(b).PostAsync("/api/v1/documents", ApiClient.TextForm(text));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.False((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cached").GetBoolean());
        var anonymous = await _factory.CreateClient().PostAsync("/api/v1/documents", ApiClient.TextForm(text));
        Assert.False((await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cached").GetBoolean());

        // The same tenant still gets its own cache hit.
        var again = await first.PostAsync("/api/v1/documents", ApiClient.TextForm(text));
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cached").GetBoolean());
    }

    public void Dispose() => _factory.Dispose();
}
