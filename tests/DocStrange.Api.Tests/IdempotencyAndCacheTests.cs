using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class IdempotencyAndCacheTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private async Task<HttpResponseMessage> SubmitWithKeyAsync(HttpClient client, string key, string text, params (string, string)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = ApiClient.TextForm(text, fields) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_same_request_under_the_same_key_returns_the_same_job()
    {
        var client = _factory.CreateClient();
        var first = await SubmitWithKeyAsync(client, "order-42", "Invoice 42\n");
        var second = await SubmitWithKeyAsync(client, "order-42", "Invoice 42\n");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString();
        var b = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString();
        Assert.Equal(a, b);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.Single(page.GetProperty("jobs").EnumerateArray());
        // The replay's upload is not kept.
        Assert.All(_factory.StoredFiles(), f => Assert.StartsWith($"jobs/{a}/", f));
    }

    [Fact]
    public async Task Another_request_under_a_used_key_is_an_idempotency_conflict()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm("seed\n"));
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitWithKeyAsync(client, "order-43", "Invoice 43\n")).StatusCode);
        var conflict = await SubmitWithKeyAsync(client, "order-43", "Invoice 43, changed\n");
        var problem = await ApiClient.ProblemAsync(conflict, 409, "IDEMPOTENCY_CONFLICT");
        Assert.Equal("order-43", problem.GetProperty("error").GetProperty("details").GetProperty("idempotency_key").GetString());
        await ApiClient.ProblemAsync(await SubmitWithKeyAsync(client, "order-43", "Invoice 43\n", ("output_format", "json")), 409, "IDEMPOTENCY_CONFLICT");
        Assert.NotNull(jobId);
    }

    [Fact]
    public async Task Concurrent_submissions_under_one_key_make_one_job()
    {
        var client = _factory.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitWithKeyAsync(client, "burst-1", "Same body\n")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task A_bad_key_is_invalid_request()
    {
        var client = _factory.CreateClient();
        var problem = await ApiClient.ProblemAsync(await SubmitWithKeyAsync(client, "has space", "x\n"), 400, "INVALID_REQUEST");
        Assert.Equal("Idempotency-Key", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_identical_request_after_a_completed_one_is_served_from_the_cache()
    {
        var client = _factory.CreateClient();
        var first = await client.SubmitAsync(ApiClient.TextForm("Cache me\n\nPlease.\n", ("output_format", "markdown,json")));
        Assert.Equal("completed", (await client.WaitFinalAsync(first)).GetProperty("status").GetString());

        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("Cache me\n\nPlease.\n", ("output_format", "json,markdown")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(body.GetProperty("cached").GetBoolean());
        Assert.Equal("completed", body.GetProperty("status").GetString());
        var second = body.GetProperty("job_id").GetString()!;
        Assert.NotEqual(first, second);

        var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{second}");
        Assert.True(job.GetProperty("cached").GetBoolean());
        Assert.Equal(0, job.GetProperty("attempts").GetInt32());
        var a = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{first}/result?format=markdown");
        var b = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{second}/result?format=markdown");
        Assert.Equal(a.GetProperty("content").GetString(), b.GetProperty("content").GetString());
        Assert.True(b.GetProperty("metadata").GetProperty("cached").GetBoolean());
        // Deleting the first job's files does not take the second's.
        await client.DeleteAsync($"/api/v1/jobs/{first}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/jobs/{second}/result")).StatusCode);
    }

    [Fact]
    public async Task Other_options_are_not_a_cache_hit()
    {
        var client = _factory.CreateClient();
        var first = await client.SubmitAsync(ApiClient.TextForm("Options matter\n"));
        await client.WaitFinalAsync(first);
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("Options matter\n", ("output_format", "html")));
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cached").GetBoolean());
    }

    public void Dispose() => _factory.Dispose();
}
